import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnNode } from '../helpers/child-process.js';
import { freePort } from '../helpers/free-port.js';
import { runCli } from '../helpers/io.js';
import { dataDirWithModel } from '../helpers/knowledge.js';

// The dashboard as an operator runs it: `helpbot dashboard` alone (a sign-in link printed for
// whoever runs it), and inside `helpbot start`, where `/mod dashboard` in the terminal gives one.

const BIN = fileURLToPath(new URL('../../bin/helpbot.js', import.meta.url));

async function waitFor(read: () => string, pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = pattern.exec(read());
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`never printed ${pattern}: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Spends a sign-in link the way the browser's button does; the session cookie. */
async function signIn(link: string): Promise<string> {
  const url = new URL(link);
  const response = await fetch(`${url.origin}/signin`, {
    method: 'POST',
    body: new URLSearchParams({ token: url.searchParams.get('token') ?? '' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('helpbot dashboard', () => {
  it("serves the dashboard on the bot's data and prints a sign-in link for whoever runs it", async () => {
    const dataDir = dataDirWithModel();
    const port = await freePort();
    const run = spawnNode([BIN, 'dashboard', '--port', String(port), '--as', 'console:ops'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
    });
    try {
      const [, link] = await waitFor(
        () => run.output().stdout,
        /Sign in as console:ops \(once, within 10 minutes\): (\S+)/,
      );
      expect(run.output().stdout).toContain(`Dashboard: http://127.0.0.1:${port}`);
      const cookie = await signIn(link ?? '');
      const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Last 30 days');
      // The secret that signs links and sessions is kept for this user alone.
      expect(statSync(join(dataDir, 'dashboard-secret')).mode & 0o777).toBe(0o600);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('refuses a port that is not one, in one line', async () => {
    const run = spawnNode([BIN, 'dashboard', '--port', 'eighty'], { DATA_DIR: dataDirWithModel() });
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output().stderr.trim()).toBe(
      'helpbot: dashboard: --port must be a port number (0-65535), not "eighty"',
    );
  });
});

describe('helpbot dashboard refuses in one line', () => {
  it('a port another process holds, and a secret too short to sign with', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = await runCli(['dashboard', '--port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `helpbot: DASHBOARD_PORT ${port}: cannot listen on 127.0.0.1 (EADDRINUSE); choose a free port`,
      );
    } finally {
      taken.close();
    }
    const short = await runCli(['dashboard'], { env: { DASHBOARD_SECRET: 'too-short' } });
    expect(short.code).toBe(2);
    expect(short.stderr.trim()).toBe(
      'helpbot: invalid configuration: DASHBOARD_SECRET must be at least 32 characters',
    );
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('helpbot start with DASHBOARD_PORT', () => {
  it('gives a terminal moderator a link with /mod dashboard, and a member none', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start', '--moderator', '--as', 'console:mia'], {
      env: { ...process.env, DATA_DIR: dataDirWithModel(), DASHBOARD_PORT: String(port), LOG_LEVEL: 'error' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      child.stdin.write('/mod dashboard\n');
      const [link] = await waitFor(
        () => stdout,
        new RegExp(`http://127\\.0\\.0\\.1:${port}/signin\\?token=\\S+`),
      );
      const cookie = await signIn(link);
      const audit = await fetch(`http://127.0.0.1:${port}/audit`, { headers: { cookie } });
      expect(await audit.text()).toContain('console:mia');
    } finally {
      child.stdin.end('/quit\n');
    }
    await exited;
    // Without --moderator the same line is refused, and no link is made.
    const member = await runCli(['start', '--as', 'console:sam'], {
      stdin: '/mod dashboard\n/quit\n',
      env: { DASHBOARD_PORT: String(await freePort()) },
    });
    expect(member.stdout).toContain('Only moderators can do that.');
    expect(member.stdout).not.toContain('/signin?token=');
  }, 60_000);
});
