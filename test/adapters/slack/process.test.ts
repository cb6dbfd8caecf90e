import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../../helpers/fake-discord.js';
import { FakeSlack, SIGNING_SECRET, sendSigned, slashCommandBody } from '../../helpers/fake-slack.js';
import { freePort } from '../../helpers/free-port.js';
import { dataDirWithModel } from '../../helpers/knowledge.js';
import { TOKEN } from '../discord/harness.js';

const BIN = fileURLToPath(new URL('../../../bin/helpbot.js', import.meta.url));

let discord: FakeDiscord;
let slack: FakeSlack;
beforeAll(async () => {
  discord = new FakeDiscord();
  slack = new FakeSlack();
  await discord.listen();
  await slack.listen();
});
afterAll(async () => {
  await discord.close();
  await slack.close();
});

describe('helpbot start with Discord and Slack configured', () => {
  it('runs both in one process, answers on each, and stops both on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...process.env,
        DATA_DIR: dataDirWithModel(),
        LOG_LEVEL: 'info',
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: APP_ID,
        DISCORD_API_BASE: discord.apiBase,
        SLACK_BOT_TOKEN: 'xoxb-test-token-0000',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!(stderr.includes('discord ready') && stderr.includes('slack ready'))) {
      if (Date.now() > deadline) throw new Error(`never ready: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { body, trigger } = slashCommandBody(slack, '/connects', 'faq connects.expiry', 'U0SOMEONE');
    expect((await sendSigned(port, body)).status).toBe(200);
    await slack.until(() => slack.responses.some((response) => response.token === `r-${trigger}`));

    const closed = discord.whenClosed();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await closed).toBe(1000);
    expect(stderr).toContain('stopped');
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  }, 30_000);
});
