import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT_INTENTS } from '../../../src/core/contract.js';
import { matchingFingerprint } from '../../../src/core/match/fingerprint.js';
import { Matcher } from '../../../src/core/match/matcher.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const kb = realKnowledge();
const matcher = new Matcher(kb);

describe('Matcher on short questions', () => {
  it('answers a plain question with its intent and a confidence above the answer threshold', () => {
    const result = matcher.match('when do my free connects come each month');
    expect(result.decision).toBe('answer');
    expect(result.intent).toBe('connects.monthly-free');
    expect(result.confidence).toBeGreaterThanOrEqual(matcher.model.calibration.answerAt);
  });

  it('survives misspellings and non-native phrasing', () => {
    expect(matcher.match('conects of me is expird or not? how much time they valid').intent).toBe(
      'connects.expiry',
    );
    expect(matcher.match('sir i purchse conects but not come in acount').intent).toBe(
      'connects.purchase-missing',
    );
  });

  it('abstains on chit-chat, thanks and other topics, even in the FAQ’s vocabulary', () => {
    for (const text of [
      'thanks so much!!',
      'good evening all',
      'how do I change my password',
      'who will win the cricket world cup',
      'my client refuses to release the last milestone, how do I open a dispute?',
      'the withdrawal to my bank has been pending for a week, is that normal?',
    ]) {
      const result = matcher.match(text);
      expect(result.intent, text).toBeNull();
    }
  });

  it('asks which topic a vague one-liner means rather than answering its best guess', () => {
    const result = matcher.match('I have a question about connects');
    expect(result.decision).toBe('clarify');
    expect(result.choices.length).toBeGreaterThanOrEqual(2);
    expect(result.candidates[0]?.probability).toBeLessThan(0.4);
  });

  it('offers close topics instead of guessing when two are about as likely', () => {
    const result = matcher.match('refunded or expired, which one?');
    expect(result.decision).toBe('clarify');
    expect(result.intent).toBeNull();
    expect(result.choices.length).toBeGreaterThanOrEqual(2);
    expect(result.choices.length).toBeLessThanOrEqual(3);
    expect(result.choices).toContain('refunds');
    expect(result.choices).toContain('connects.expiry');
  });

  it('answers a confident best topic whose runner-up trails it; only a near tie is asked about', () => {
    const result = matcher.match('refund my bought connects to my card please');
    const [best, second] = result.candidates;
    // The runner-up has most of the best one's probability (enough to have been "too close" at the
    // old cut of 0.7), but not nearly all of it. These figures come from the fitted model: if a
    // knowledge edit moves them out of the band, pick another question that sits in it.
    const share = (second?.probability ?? 0) / (best?.probability ?? 1);
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThan(0.9);
    // Answered on its confidence, not on a situation the line tells.
    expect(result.confidence).toBeGreaterThanOrEqual(matcher.model.calibration.answerAt);
    expect(result.decision).toBe('answer');
    expect(result.intent).toBe('refunds');
  });
});

describe('refund cases', () => {
  it('reports the case the question names first, then the others', () => {
    const result = matcher.match('my proposal was withdrawn by me, will i get the connects refunded?');
    expect(result.intent).toBe('refunds');
    expect(result.cases[0]).toBe('refund.withdrawn');
    expect(new Set(result.cases).size).toBe(7);
  });

  it('recognises a case told without its keywords', () => {
    expect(
      matcher.answerAs('refunds', 'The position was filled by someone else. Do I lose my connects?')
        .signalled[0],
    ).toBe('refund.hired');
  });

  it("reads a case the entry's own sentences tell, though other topics use the same words", () => {
    // Proposal tips say "the client never looked at my proposal" too; in a refund post it is a case,
    // told here in words none of the case's signal phrases use.
    const told = 'The client never bothered to check my proposal.';
    expect(matcher.model.cases.get('refunds')?.namesACase([matcher.analyzer.analyse(told)])).toBe(false);
    expect(matcher.answerAs('refunds', `${told} Do I get my connects back?`).signalled).toEqual([
      'refund.not-viewed',
    ]);
    expect(matcher.answerAs('refunds', 'do i get those connects back?').signalled).toEqual([]);
  });

  it('tells a member removing their own proposal from the platform removing a post', () => {
    expect(matcher.answerAs('refunds', 'I deleted my own proposal. Refund?').signalled[0]).toBe(
      'refund.withdrawn',
    );
    expect(matcher.answerAs('refunds', 'The post was removed as spam. Refund?').signalled[0]).toBe(
      'refund.platform-removed',
    );
  });

  it('names two cases in the order the post raises them', () => {
    const result = matcher.answerAs(
      'refunds',
      'Two of the jobs I bid on were cancelled by the client. A third one simply expired. Which of them give connects back?',
    );
    expect(result.signalled.slice(0, 2)).toEqual(['refund.client-cancelled', 'refund.expired']);
  });

  it('does not read a case the post denies', () => {
    const result = matcher.answerAs(
      'refunds',
      'The client did not cancel anything and nobody was hired. The post just expired after a month. Refund?',
    );
    expect(result.signalled[0]).toBe('refund.expired');
    expect(result.signalled).not.toContain('refund.client-cancelled');
    expect(result.signalled).not.toContain('refund.hired');
  });
});

describe("a refund situation named in a moderator's signal phrases", () => {
  it("answers a post the words alone would only clarify, when it names the leading topic's case", () => {
    const text = 'job poster cancelled before choosing anyone, my bids?';
    const result = matcher.match(text);
    // Below the confidence that answers on its own: the named situation decides.
    expect(result.confidence).toBeLessThan(matcher.model.calibration.answerAt);
    expect(result).toMatchObject({
      decision: 'answer',
      intent: 'refunds',
      signalled: ['refund.client-cancelled'],
    });
  });

  it('does not lift a topic far behind on a phrase alone', () => {
    // "withdraw" is a withdrawn proposal's word too; here it is earnings, and refunds trails far behind.
    const result = matcher.match('i withdraw my earnings and connects went down?');
    expect(result.intent).not.toBe('refunds');
  });

  // The next three pin where the fitted model ranks a post (which topic first, the off-topic odds):
  // if a knowledge edit moves them, pick other posts in the same situation rather than drop them.
  it('answers the topic whose situation the post tells, even when the words alone put another first', () => {
    for (const [text, situation] of [
      [
        'They hired another freelancer a day after I applied. What becomes of the connects I used?',
        'refund.hired',
      ],
      ['what happens to my connects if the job expires', 'refund.expired'],
    ] as const) {
      const result = matcher.match(text);
      expect(result.candidates[0]?.intent, text).not.toBe('refunds');
      expect(result, text).toMatchObject({ decision: 'answer', intent: 'refunds' });
      expect(result.signalled[0], text).toBe(situation);
    }
  });

  it('answers a situation told among scam words while off-topic is still the less likely reading', () => {
    const result = matcher.match(
      'scam client, the site took the job down after my report. do I get my connects?',
    );
    expect(result.offTopic).toBeGreaterThan(0.4);
    expect(result.offTopic).toBeLessThan(0.5);
    expect(result).toMatchObject({ decision: 'answer', intent: 'refunds' });
    expect(result.signalled[0]).toBe('refund.platform-removed');
  });

  it('asks when the word that names a situation of one topic is the subject of the other', () => {
    // "expire" alone is the expiry entry's subject; a job expiring is the refund case.
    const result = matcher.match('refund or expire?');
    expect(result.decision).toBe('clarify');
    expect(result.choices).toEqual(expect.arrayContaining(['refunds', 'connects.expiry']));
  });

  it('still abstains on a client asking for their money back from a freelancer', () => {
    const result = matcher.match(
      'As a client: I paid a freelancer on a fixed-price job and the work was copied. How do I get my money refunded? He stopped replying.',
    );
    expect(result.decision).toBe('abstain');
  });
});

describe('Matcher on forum posts', () => {
  it('finds the question in the middle of a long post with backstory', () => {
    const post = [
      'Hello everyone, I hope you are all doing well.',
      'I have been freelancing as a translator for about two years, mostly Spanish and Portuguese, and I finally decided to take this platform seriously this autumn.',
      'Last week I bought a bundle of 80 connects with my card, the bank shows the payment as completed, but my connects balance is exactly what it was before.',
      'Is there something I have to do for them to appear, or did the purchase fail?',
      'I have three jobs I really want to apply to before the weekend and I am getting nervous.',
      'Thank you in advance,\nMarta',
    ].join('\n');
    const result = matcher.match(post);
    expect(result.decision).toBe('answer');
    expect(result.intent).toBe('connects.purchase-missing');
  });

  it('reads a 2,000-character post as easily as a one-liner', () => {
    const backstory =
      'I work on small design jobs in the evenings after my day job, and I plan my week around the proposals I can send. ';
    const post = `${backstory.repeat(12)}\nMy question: when do the 10 free monthly connects arrive? They did not come this month.`;
    expect(post.length).toBeGreaterThan(1400);
    expect(post.length).toBeLessThanOrEqual(2000);
    const result = matcher.match(post);
    expect(result.intent).toBe('connects.monthly-free');
  });

  it('answers the main question and notices a second one on another topic', () => {
    const result = matcher.match(
      'My monthly free connects did not arrive on my billing date this month, it has been four days now. Also, how long do connects stay valid before they expire?',
    );
    expect(result.intent).toBe('connects.monthly-free');
    expect(result.also.map((ask) => ask.intent)).toEqual(['connects.expiry']);
  });

  it('abstains on a long off-topic post that shares the vocabulary', () => {
    const post =
      'I delivered the logo files two weeks ago and the client approved them in chat. Since then the milestone payment has not been released and the client stopped answering. I already sent three polite reminders. Can support force the payment, or do I have to open a dispute? I am really worried about this money.';
    expect(matcher.match(post).intent).toBeNull();
  });
});

describe('teaching', () => {
  it('changes its answer at once', () => {
    const question = 'what does the flux capacitor do';
    expect(matcher.match(question).intent).toBeNull();
    const taught = new Matcher(kb);
    expect(taught.teach([{ intent: 'support.contact', text: question }])).toBe(1);
    expect(taught.match(question).best).toBe('support.contact');
    expect(taught.teach([{ intent: 'no.such.intent', text: question }])).toBe(0);
    // The shared model is untouched: another matcher still does not know it.
    expect(new Matcher(kb).match(question).intent).toBeNull();
  });
});

describe('the fitted model', () => {
  it('restores from its saved form to the same decisions', () => {
    const restored = new Matcher(kb, { saved: JSON.parse(JSON.stringify(matcher.save())) });
    expect(restored.fitted).toBe(false);
    for (const text of [
      'do connects expire',
      'my agency has zero connects',
      'client cancelled the job, refund?',
    ]) {
      expect(restored.match(text)).toEqual(matcher.match(text));
    }
  });

  it('is not reused for a changed knowledge base', () => {
    const changed = {
      ...kb,
      entries: kb.entries.map((entry) =>
        entry.id === 'proposals.tips'
          ? { ...entry, examples: [...entry.examples, 'is boosting a scam'] }
          : entry,
      ),
    };
    expect(matchingFingerprint(changed)).not.toBe(matcher.save().fingerprint);
  });

  it('never throws and keeps its outputs in range, whatever the text', () => {
    const intents = new Set<string>(CONTRACT_INTENTS);
    for (const entry of kb.entries) intents.add(entry.id);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = matcher.match(text);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        if (result.intent !== null) expect(intents.has(result.intent)).toBe(true);
        expect(result.choices.length === 0 || result.choices.length >= 2).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
