import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT_INTENTS } from '../../../src/core/contract.js';
import { Matcher } from '../../../src/core/match/matcher.js';
import { type EvalLine, evalLineSchema, predictionOf, scoreEval } from '../../../src/eval/score.js';
import { realKnowledge, SHARED_EVAL_DIR } from '../../helpers/knowledge.js';

const kb = realKnowledge();
const matcher = new Matcher(kb);

describe('Matcher', () => {
  it('answers a plain question with its intent and a confidence above the answer threshold', () => {
    const result = matcher.match('when do my free connects come each month');
    expect(result.decision).toBe('answer');
    expect(result.intent).toBe('connects.monthly-free');
    expect(result.confidence).toBeGreaterThanOrEqual(kb.calibration?.answerAt ?? 1);
  });

  it('survives misspellings and non-native phrasing', () => {
    expect(matcher.match('conects of me is expird or not? how much time they valid').intent).toBe(
      'connects.expiry',
    );
    expect(matcher.match('sir i purchse conects but not come in acount').intent).toBe(
      'connects.purchase-missing',
    );
  });

  it('abstains on chit-chat, thanks and other topics', () => {
    for (const text of [
      'thanks so much!!',
      'good evening all',
      'how do I change my password',
      'who will win the cricket world cup',
    ]) {
      const result = matcher.match(text);
      expect(result.intent, text).toBeNull();
    }
  });

  it('reports the signalled refund case first, then the others', () => {
    const result = matcher.match('my proposal was withdrawn by me, will i get the connects refunded?');
    expect(result.intent).toBe('refunds');
    expect(result.cases[0]).toBe('refund.withdrawn');
    expect(new Set(result.cases).size).toBe(7);
  });

  it('offers close topics instead of guessing when two are about as likely', () => {
    const result = matcher.match('connects refund expire');
    expect(result.decision).toBe('clarify');
    expect(result.intent).toBeNull();
    expect(result.choices.length).toBeGreaterThanOrEqual(2);
    expect(result.choices.length).toBeLessThanOrEqual(3);
    expect(result.choices).toContain('refunds');
    expect(result.choices).toContain('connects.expiry');
  });

  it('changes its answer at once when taught an example', () => {
    const question = 'what does the flux capacitor do';
    expect(matcher.match(question).intent).toBeNull();
    const taught = new Matcher(kb);
    expect(taught.teach('support.contact', question)).toBe(true);
    expect(taught.match(question).best).toBe('support.contact');
    expect(taught.teach('no.such.intent', question)).toBe(false);
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

// The development set shared with the product's owner: the bars of issue 2.
const devFile = join(SHARED_EVAL_DIR, 'questions.dev.jsonl');
describe.runIf(existsSync(devFile))('development question set', () => {
  const lines: EvalLine[] = readFileSync(devFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => evalLineSchema.parse(JSON.parse(line)));
  const report = scoreEval(
    lines,
    lines.map((line) => predictionOf(matcher.match(line.text))),
  );

  it('answers at least 97% of in-scope questions with an acceptable intent', () => {
    expect(report.inScope.accuracy, JSON.stringify(report.confusions)).toBeGreaterThanOrEqual(0.97);
  });

  it('abstains on at least 95% of out-of-scope questions', () => {
    expect(report.outOfScope.abstention).toBeGreaterThanOrEqual(0.95);
  });

  it('names the refund case first in at least 95% of case questions', () => {
    expect(report.cases.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('has none of its sentences in the knowledge base', () => {
    const known = new Set(
      [...kb.entries.flatMap((entry) => entry.examples), ...kb.outOfScope].map((text) =>
        text.toLowerCase().trim(),
      ),
    );
    for (const line of lines) expect(known.has(line.text.toLowerCase().trim()), line.text).toBe(false);
  });
});
