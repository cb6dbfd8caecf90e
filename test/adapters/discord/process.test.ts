import { spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ID,
  FakeDiscord,
  GUILD_ID,
  HELP_CHANNEL_ID,
  MOD_ROLE_ID,
  modCommand,
  slashCommand,
} from '../../helpers/fake-discord.js';
import { freePort } from '../../helpers/free-port.js';
import { runCli } from '../../helpers/io.js';
import { dataDirWithModel } from '../../helpers/knowledge.js';
import { TOKEN } from './harness.js';

const BIN = fileURLToPath(new URL('../../../bin/helpbot.js', import.meta.url));

let fake: FakeDiscord;
beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.listen();
});
afterAll(async () => fake.close());

const discordEnv = () => ({
  DISCORD_TOKEN: TOKEN,
  DISCORD_APP_ID: APP_ID,
  DISCORD_API_BASE: fake.apiBase,
  HELP_CHANNEL_IDS: HELP_CHANNEL_ID,
  MODERATOR_ROLE_IDS: MOD_ROLE_ID,
});

describe('helpbot start with Discord configured', () => {
  it('connects, answers, serves the dashboard, says it is ready, and shuts down cleanly on SIGTERM', async () => {
    const healthPort = await freePort();
    const dashboardPort = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...process.env,
        ...discordEnv(),
        DATA_DIR: dataDirWithModel(),
        LOG_LEVEL: 'info',
        HEALTH_PORT: String(healthPort),
        DASHBOARD_PORT: String(dashboardPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!stderr.includes('discord ready')) {
      if (Date.now() > deadline) throw new Error(`never ready: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const identify = fake.gatewayOps.find((payload) => payload.op === 2)?.d as { intents: number };
    // Guilds, GuildMessages and MessageContent: the help channel needs message content.
    expect(identify.intents).toBe(1 | 512 | 32768);
    const call = await fake.interact(slashCommand('faq', { topic: 'connects.expiry' }));
    expect(JSON.stringify(call.body)).toContain('How long Connects stay valid');
    // A moderator's /connects-mod dashboard: a private link to this process's dashboard that signs in.
    const linked = await fake.interact(
      modCommand('dashboard', [], { userId: '200000000000000050', roles: [MOD_ROLE_ID] }),
    );
    const content = String((linked.body?.data as { content?: string } | undefined)?.content);
    const link = new URL(/http:\/\/\S+/.exec(content)?.[0] ?? 'http://invalid/');
    expect(link.origin).toBe(`http://127.0.0.1:${dashboardPort}`);
    const signedIn = await fetch(`${link.origin}/signin`, {
      method: 'POST',
      body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${link.origin}/audit`, { headers: { cookie } })).status).toBe(200);
    const health = (path: string) =>
      fetch(`http://127.0.0.1:${healthPort}${path}`).then(async (response) => ({
        status: response.status,
        body: await response.json(),
      }));
    expect(await health('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await health('/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { knowledge: true, ledger: true, state: true, discord: true } },
    });
    // The gateway drops and discord.js resumes it: ready again.
    await fake.dropConnection();
    let ready = await health('/readyz');
    for (let tries = 0; ready.status !== 200 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await health('/readyz');
    }
    expect(ready.status).toBe(200);

    const closed = fake.whenClosed();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await closed).toBe(1000);
    expect(stderr).toContain('"signal":"SIGTERM"');
    expect(stderr).toContain('stopped');
    await expect(fetch(`http://127.0.0.1:${healthPort}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${dashboardPort}/`)).rejects.toThrow();
  }, 30_000);
});

describe('helpbot start with HEALTH_PORT taken', () => {
  it('stops at once with one line naming the port', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = await runCli(['start'], {
        env: { ...discordEnv(), DATA_DIR: dataDirWithModel(), HEALTH_PORT: String(port) },
      });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(
        `helpbot: HEALTH_PORT ${port}: cannot listen (EADDRINUSE); choose a free port`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('helpbot discord deploy-commands', () => {
  it('registers the commands in a guild, or globally', async () => {
    const since = fake.calls.length;
    const run = await runCli(['discord', 'deploy-commands', '--guild', GUILD_ID], { env: discordEnv() });
    expect(run).toMatchObject({
      code: 0,
      stdout: `registered 3 commands in guild ${GUILD_ID}: connects, connects-mod, Ask Help Bot\n`,
    });
    const put = fake.calls.slice(since).find((call) => call.method === 'PUT');
    expect(put?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    const commands = put?.body as unknown as { name: string; options?: { name: string }[] }[];
    expect(commands[0]?.options?.map((option) => option.name)).toEqual(['ask', 'balance', 'refunds', 'faq']);
    const global = await runCli(['discord', 'deploy-commands'], { env: discordEnv() });
    expect(global.stdout).toBe('registered 3 commands globally: connects, connects-mod, Ask Help Bot\n');
    expect(fake.calls.at(-1)?.path).toBe(`/applications/${APP_ID}/commands`);
  });

  it('explains what is missing', async () => {
    expect((await runCli(['discord', 'deploy-commands'])).stderr).toMatch(
      /set DISCORD_TOKEN and DISCORD_APP_ID first/,
    );
    expect(
      (await runCli(['discord', 'deploy-commands', '--guild', 'abc'], { env: discordEnv() })).stderr,
    ).toMatch(/is not a Discord id/);
    expect((await runCli(['discord', 'register'])).code).toBe(2);
  });
});
