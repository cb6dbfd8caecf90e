import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';
import { dataDirWithModel, editFile, knowledgeCopy } from '../helpers/knowledge.js';

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe('helpbot ask', () => {
  it('prints the answer as text', async () => {
    const run = await runCli(['ask', 'how', 'do', 'I', 'buy', 'more', 'connects']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Membership & Connects');
    expect(run.stdout).not.toContain('**');
  });

  it('prints the contract JSON with --json', async () => {
    const run = await runCli([
      'ask',
      '--json',
      '--as',
      'discord:123456789012345678',
      '--now',
      '2026-11-27',
      'the job expired, refund?',
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ intent: 'refunds', escalate: false, account: null });
    expect(json.cases[0]).toBe('refund.expired');
    expect(typeof json.answer).toBe('string');
    expect(json.confidence).toBeGreaterThan(0);
    expect(json.confidence).toBeLessThanOrEqual(1);
    expect(json).toMatchObject({ decidedBy: 'words', also: [] });
  });

  it('reports a second question the post asks in --json', async () => {
    const run = await runCli([
      'ask',
      '--json',
      'My monthly free connects did not arrive on my billing date this month. Also, how long do connects stay valid before they expire?',
    ]);
    const json = JSON.parse(run.stdout);
    expect(json.intent).toBe('connects.monthly-free');
    expect(json.also).toEqual([{ intent: 'connects.expiry', answered: expect.any(Boolean) }]);
    expect(json.answer).toMatch(/You also asked/);
  });

  it.each([
    [['ask'], /missing the question/],
    [['ask', '--as', 'faraz', 'hi'], /invalid identity "faraz"/],
    [['ask', '--now', 'yesterday', 'hi'], /invalid --now "yesterday"/],
    [['ask', '--now', '2026-02-30', 'hi'], /invalid --now/],
    [['ask', '--loud', 'hi'], /Unknown option '--loud'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['knowledge', 'polish'], /unknown subcommand "polish"/],
    [['eval'], /expected a question file/],
    [['match', 'extra'], /takes no arguments/],
    [['start', '--guild', '1'], /Unknown option '--guild'/],
  ])('%j is a one-line usage error with exit status 2', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops on bad configuration with one line naming every problem', async () => {
    const run = await runCli(['ask', 'hi'], { env: { LOG_LEVEL: 'loud', SLACK_PORT: 'abc' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/LOG_LEVEL.*SLACK_PORT|SLACK_PORT.*LOG_LEVEL/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers or refuses any text without crashing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const run = await runCli(['ask', '--json', '--', text]);
        if (text.trim() === '') {
          expect(run.code).toBe(2);
        } else {
          expect(run.code).toBe(0);
          const json = JSON.parse(run.stdout);
          expect(json.confidence).toBeGreaterThanOrEqual(0);
          expect(json.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
    // Sixty full starts of the CLI in a row: about 12 s alone, more on a busy machine.
  }, 60_000);
});

describe('helpbot match', () => {
  it('prints one JSON object per input line, blank lines included, in order', async () => {
    const run = await runCli(['match'], { stdin: 'why no refund?\n\nwhat is the weather\n' });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.text)).toEqual(['why no refund?', '', 'what is the weather']);
    expect(lines[0]).toMatchObject({ intent: 'refunds' });
    expect(Object.keys(lines[0])).toEqual(['text', 'intent', 'confidence', 'cases']);
    expect(lines[1]).toMatchObject({ intent: null, confidence: 0, cases: [] });
    expect(lines[2]).toMatchObject({ intent: null });
  });
});

describe('helpbot eval', () => {
  it('prints the figures and the confusions', async () => {
    const file = join(tmpdir(), `helpbot-eval-${process.pid}.jsonl`);
    writeFileSync(
      file,
      [
        JSON.stringify({ text: 'do my connects expire after a year', intent: ['connects.expiry'] }),
        JSON.stringify({ text: 'hello there friend', intent: [null] }),
        JSON.stringify({
          text: 'I withdrew my proposal, connects back?',
          intent: ['refunds'],
          case: 'refund.withdrawn',
        }),
        JSON.stringify({ text: 'how do I reset my password', intent: ['support.contact'] }),
      ].join('\n'),
    );
    const run = await runCli(['eval', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('in-scope answered right: 0.667 (2/3');
    expect(run.stdout).toContain('out-of-scope abstention: 1.000 (1/1)');
    expect(run.stdout).toContain('refund case named first: 1.000 (1/1)');
    expect(run.stdout).toMatch(/support\.contact -> \(abstained\).*reset my password/);
    expect(run.stdout).toMatch(/^connects\.expiry +1 +1 +1 +1\.000 +1\.000$/m);
    expect(run.stdout).toContain('confusion (rows: expected, columns: answered');
    expect(run.stdout.trim().split('\n').at(-1)).toBe(
      `${file}: answered right 0.667 (2/3), off-topic abstained 1.000 (1/1), wrong 0.000 (0/4), refund case first 1.000 (1/1)`,
    );
  });

  it('rejects a malformed line naming its line number', async () => {
    const file = join(tmpdir(), `helpbot-eval-bad-${process.pid}.jsonl`);
    writeFileSync(file, `${JSON.stringify({ text: 'ok', intent: ['refunds'] })}\n{"text": 3}\n`);
    const run = await runCli(['eval', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/:2: text/);
  });

  it('scores the knowledge base by grouped cross-validation, beside the files', async () => {
    const run = await runCli(['eval', '--cross-validation', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout)['cross-validation over knowledge/ (grouped folds)'];
    expect(report.questions).toBeGreaterThan(900);
    expect(report.perIntent.map((row: { intent: string }) => row.intent)).toContain('refunds');
    expect(report.outOfScope.abstention).toBeGreaterThan(0.9);
  });

  it('asks for a file or --cross-validation', async () => {
    expect(await runCli(['eval'])).toMatchObject({ code: 2 });
  });
});

describe('helpbot knowledge preview', () => {
  it('shows an entry as members see it, with every example’s held-out score', async () => {
    const run = await runCli(['knowledge', 'preview', 'agency.connects']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Preview of agency\.connects as members see it:/);
    expect(run.stdout).toContain('Connects for agencies and Agency Plus');
    expect(run.stdout).not.toMatch(/…and \d+ more/);
  });

  it('names the entries when the topic is unknown, in one line', async () => {
    const run = await runCli(['knowledge', 'preview', 'crypto']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^helpbot: knowledge preview: no FAQ entry "crypto"; one of: .*refunds/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('helpbot knowledge check', () => {
  it('passes on the real knowledge base', async () => {
    const run = await runCli(['knowledge', 'check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/knowledge check: ok \(\d+ entries/);
  });

  it('fails with each problem on its own line', async () => {
    const dir = knowledgeCopy();
    editFile(join(dir, 'faq', 'connects.expiry.yaml'), (text) =>
      text.replace('facts:\n  - expiry.one-year', 'facts:\n  - expiry.never'),
    );
    const run = await runCli(['knowledge', 'check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /faq\/connects\.expiry\.yaml:\d+ \[connects\.expiry\]: unknown fact id "expiry\.never"/,
    );
  });

  it('refuses to start on a broken knowledge base, in one line', async () => {
    const dir = knowledgeCopy();
    editFile(join(dir, 'policy.yaml'), (text) => text.replace('facts:', 'facts: [oops'));
    const run = await runCli(['ask', 'hi'], { env: { KNOWLEDGE_DIR: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^helpbot: knowledge base is invalid: policy\.yaml:\d+: malformed YAML/);
  });

  it('never fails after a moderator adds an example; calibrate refits and caches the matcher', async () => {
    const dir = knowledgeCopy();
    editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
      text.replace('examples:\n', 'examples:\n  - is boosting ever a good idea\n'),
    );
    expect((await runCli(['knowledge', 'check'], { env: { KNOWLEDGE_DIR: dir } })).code).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'helpbot-calibrate-'));
    const env = { KNOWLEDGE_DIR: dir, DATA_DIR: dataDir };
    const calibrated = await runCli(['knowledge', 'calibrate'], { env });
    expect(calibrated.code).toBe(0);
    expect(calibrated.stdout).toMatch(/answered right: 0\.\d+/);
    expect(calibrated.stdout).toContain(`saved in ${join(dataDir, 'cache', 'model.json')}`);
    expect(existsSync(join(dataDir, 'cache', 'model.json'))).toBe(true);
  });
});

describe('helpbot start without a chat platform', () => {
  it('answers each piped line and exits at end of input', async () => {
    const run = await runCli(['start'], { stdin: 'do connects expire\nthanks\n/faq agency.connects\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('How long Connects stay valid');
    expect(run.stdout).toContain('I can only help with questions about Connects');
    expect(run.stdout).toContain('Connects for agencies and Agency Plus');
  });

  it('says so in one line when Discord cannot be reached', async () => {
    const run = await runCli(['start'], {
      env: {
        DISCORD_TOKEN: 'x'.repeat(40),
        DISCORD_APP_ID: '123456789012345678',
        DISCORD_API_BASE: 'http://127.0.0.1:9/api',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^helpbot: discord: could not connect: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(existsSync(BUILT))('the installed bin', () => {
  const exec = promisify(execFile);

  it('answers from a real process and exits 0', async () => {
    const { stdout } = await exec('node', [BIN, 'ask', '--json', 'when do free connects arrive'], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDirWithModel() },
    });
    expect(JSON.parse(stdout).intent).toBe('connects.monthly-free');
  });

  it('exits 2 with one line on an unknown command', async () => {
    const failure = await exec('node', [BIN, 'nope']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('helpbot start --moderator', () => {
  it('runs /mod lines through the core, audited; without --moderator they are refused', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'helpbot-mod-')), USER: 'modder' };
    const lines = [
      '/mod grant console:modder 5 welcome gift',
      '/mod lookup console:modder',
      '/mod audit',
      '/mod preview refunds',
      '/mod grant console:modder five',
    ].join('\n');
    const run = await runCli(['start', '--moderator', '--now', '2026-11-27T12:00:00Z'], {
      env,
      stdin: `${lines}\n`,
    });
    expect(run.stdout).toContain('console:modder (acct-demo): +5; balance 120 → 125.');
    expect(run.stdout).toContain('Account facts for console:modder:');
    expect(run.stdout).toMatch(
      /Recent moderator actions:\n• 2026-11-27 12:00 console:modder lookup console:modder/,
    );
    expect(run.stdout).toContain('Usage: /mod grant IDENTITY AMOUNT REASON…');
    expect(run.stdout).toContain('Preview of refunds as members see it:');
    const refused = await runCli(['start'], { env, stdin: '/mod grant console:modder 5 more\n' });
    expect(refused.stdout).toContain('Only moderators can do that.');
    const balance = await runCli(['balance', 'console:modder', '--json', '--now', '2026-11-27T12:00:00Z'], {
      env,
    });
    expect(JSON.parse(balance.stdout).balance).toBe(125);
  });

  it('teaches and posts notices that knowledge export writes out for review', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'helpbot-mod-')), USER: 'modder' };
    const lines = [
      '/mod teach connects.about is the zorbl badge worth any connects',
      '/mod notice connects.buy 5 Card payments fail today',
      'is the zorbl badge worth any connects',
    ];
    const run = await runCli(['start', '--moderator', '--now', '2026-11-27T12:00:00Z'], {
      env,
      stdin: `${lines.join('\n')}\n`,
    });
    expect(run.stdout).toContain('What Connects are and what they are for');
    const exported = await runCli(['knowledge', 'export'], { env });
    expect(exported.stdout).toContain(
      'taught:\n  connects.about:\n    - text: is the zorbl badge worth any connects\n      by: console:modder',
    );
    expect(exported.stdout).toContain('text: Card payments fail today');
    const file = join(env.DATA_DIR, 'overlays.yaml');
    expect((await runCli(['knowledge', 'export', '--out', file], { env })).stdout).toBe(
      `knowledge export: wrote ${file}\n`,
    );
  });
});
