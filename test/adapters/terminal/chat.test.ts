import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../../src/adapters/terminal/chat.js';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { Moderation } from '../../../src/core/moderation/moderation.js';
import { helpServices } from '../../../src/core/use-cases/services.js';
import { MemoryLedgerStore } from '../../../src/store/memory/ledger-store.js';
import { openStateStore } from '../../../src/store/open-state-store.js';
import { realKnowledge } from '../../helpers/knowledge.js';
import { freelancer, outcome, POLICY, purchase, spend, tempDir } from '../../helpers/ledger.js';

const desk = new HelpDesk(realKnowledge());

/** A terminal chat over `ledger` (none: an empty one), with its own state store. */
async function chat(
  lines: string[],
  interactive = false,
  ledger = new MemoryLedgerStore(POLICY),
): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const state = await openStateStore({ dataDir: tempDir() });
  const withDesk = new HelpDesk(realKnowledge(), { ledger, state });
  const moderation = new Moderation(withDesk, ledger, state, { discordRoleIds: [], slackUserIds: [] });
  await runTerminalChat({
    services: helpServices(
      { desk: withDesk, state, moderation, log: { info: () => {}, error: () => {} } },
      0,
    ),
    input: Readable.from([`${lines.join('\n')}\n`]),
    output,
    identity: 'console:tester',
    interactive,
  });
  await state.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('terminal chat', () => {
  it('answers questions line by line and skips blank lines', async () => {
    const out = await chat(['how long are connects valid', '', 'explain what connects are used for']);
    expect(out).toContain('How long Connects stay valid');
    expect(out).toContain('What Connects are and what they are for');
  });

  it('lists topics, shows one by id, and explains an unknown command', async () => {
    const out = await chat(['/topics', '/faq refunds', '/faq', '/dance']);
    expect(out).toContain('payments.milestone-review');
    expect(out).toContain('When spent Connects come back');
    expect(out).toContain('Usage: /faq TOPIC');
    expect(out).toContain('Unknown command /dance');
  });

  it('stops reading at /quit', async () => {
    const out = await chat(['/quit', 'what are connects']);
    expect(out).not.toContain('What Connects are');
  });

  it('greets and prompts a person at a terminal', async () => {
    const out = await chat(['/help'], true);
    expect(out).toContain('you are console:tester');
    expect(out).toContain('you> ');
    expect(out).toContain('/faq TOPIC');
  });

  it('lets a number pick one of the topics it offered', async () => {
    const question = 'refunded or expired, which one?';
    const reply = await desk.handle({
      id: 'x',
      actor: { platform: 'console', id: 't', roles: [] },
      body: { kind: 'question', text: question },
      now: new Date(),
    });
    expect(reply.outcome).toBe('clarify');
    const out = await chat([question, '9', '2']);
    expect(out).toContain(`type 1-${reply.choices.length} to pick`);
    expect(out).toContain(`**${reply.choices[1]?.title}**`.replace(/\*\*/g, ''));
    expect(out).toContain(`Pick a number from 1 to ${reply.choices.length}`);
  });

  it('shows the asker’s own balance and refunds with /balance and /refunds', async () => {
    const ledger = new MemoryLedgerStore(POLICY);
    await ledger.importAccounts([
      {
        ...freelancer(
          [
            purchase('b', '2026-01-01', 20),
            spend('s', '2026-01-02', 5, 'p-1'),
            outcome('o', '2026-01-03', 'p-1', 'withdrawn'),
          ],
          12,
          'tester',
        ),
      },
    ]);
    const out = await chat(['/balance', '/refunds'], false, ledger);
    expect(out).toContain('Your account (tester): you have 15 Connects now.');
    expect(out).toContain('"Job for p-1" (p-1, 5 Connects): you withdrew the proposal');
    await ledger.close();
  });
});
