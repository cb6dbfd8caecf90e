import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../../src/core/help-desk.js';
import { MAX_QUESTION_CHARS } from '../../src/core/limits.js';
import type { Request } from '../../src/core/types.js';
import { realKnowledge } from '../helpers/knowledge.js';

const desk = new HelpDesk(realKnowledge());
const ask = (text: string) =>
  desk.handle({
    id: 'r1',
    actor: { platform: 'console', id: 'tester', roles: [] },
    body: { kind: 'question', text },
    now: new Date('2026-11-27T12:00:00Z'),
  } satisfies Request);

const faq = (topic: string) =>
  desk.handle({
    id: 'f',
    actor: { platform: 'console', id: 't', roles: [] },
    body: { kind: 'faq', topic },
    now: new Date(),
  });

describe('HelpDesk.handle', () => {
  it('answers with the policy, the case first, citations and follow-ups', async () => {
    const reply = await ask('the job post expired, do I get my connects back?');
    expect(reply.outcome).toBe('answered');
    expect(reply.intent).toBe('refunds');
    expect(reply.cases[0]).toBe('refund.expired');
    expect(reply.text.indexOf('expired job post')).toBeLessThan(reply.text.indexOf('In general'));
    expect(reply.citations[0]?.factId).toBe('refund.expired');
    expect(reply.followups.length).toBeGreaterThan(0);
    expect(reply.feedback).toBe(true);
    expect(reply.escalate).toBe(false);
    expect(reply.visibility).toBe('public');
  });

  it('fills policy numbers from the policy file', async () => {
    const reply = await ask('how many free connects do freelancers get monthly');
    expect(reply.text).toContain('10 free Connects');
    expect(reply.text).not.toContain('{{');
  });

  it('says it does not know an on-topic question it cannot place, and offers a moderator', async () => {
    const reply = await ask('connects help');
    expect(reply.intent).toBeNull();
    expect(['abstained', 'clarify']).toContain(reply.outcome);
  });

  it('abstains without escalating on chit-chat', async () => {
    const reply = await ask('Thank you!');
    expect(reply.outcome).toBe('abstained');
    expect(reply.escalate).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   \n\t  '],
    ['emoji only', '🙏🔥😀'],
    ['control characters', '\u0000\u0007\u001b[31m'],
  ])('asks for a question when the text is %s', async (_label, text) => {
    const reply = await ask(text);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toMatch(/ask a question about Connects/);
  });

  it('refuses a 20,000-character message with its length and the limit', async () => {
    const reply = await ask('connects '.repeat(2223).slice(0, 20_000));
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toContain('20,000');
    expect(reply.text).toContain(MAX_QUESTION_CHARS.toLocaleString('en-US'));
  });

  it('answers right-to-left text it cannot read by saying so', async () => {
    const reply = await ask('متى تصل الكونكتس المجانية؟');
    expect(reply.intent).toBeNull();
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('shows one FAQ entry by id or by title, and says when there is none', async () => {
    const byId = await faq('agency.connects');
    expect(byId.intent).toBe('agency.connects');
    const byTitle = await faq('How long Connects stay valid');
    expect(byTitle.intent).toBe('connects.expiry');
    const missing = await faq('bananas');
    expect(missing.outcome).toBe('refused');
    expect(missing.text).toContain('bananas');
  });
});
