import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeChild } from '../../helpers/child-process.js';
import {
  BOT_USER_ID,
  FakeSlack,
  mentionBody,
  SIGNING_SECRET,
  sendSigned,
  slashCommandBody,
} from '../../helpers/fake-slack.js';
import { freePort } from '../../helpers/free-port.js';
import { startHelpbot, stopHelpbots } from '../../helpers/helpbot-process.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';

// Slack in HTTP mode behind a load balancer: two `helpbot start` processes on one Redis, either of
// which may get a request. Slack's retry of an event (X-Slack-Retry-Num) and one delivery that
// reaches both instances have one effect between them.

let slack: FakeSlack;
let redis: RedisServer;
const instances: { bot: NodeChild; port: number }[] = [];

async function startInstance(): Promise<void> {
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token-0000',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: slack.apiUrl,
    KEYV_URL: redis.url,
  };
  instances.push({ bot: await startHelpbot(env, 'slack ready'), port });
}

beforeAll(async () => {
  slack = new FakeSlack();
  await slack.listen();
  redis = await startRedis();
  await Promise.all([startInstance(), startInstance()]);
}, 60_000);

afterAll(async () => {
  await stopHelpbots(instances.map(({ bot }) => bot));
  await redis.stop();
  await slack.close();
}, 30_000);

const posts = (since: number) =>
  slack.calls.slice(since).filter((call) => call.method === 'chat.postMessage');
const json = { contentType: 'application/json' };

describe('two Slack instances behind a load balancer, one Redis', () => {
  it('answer a mention once when Slack retries it on the other instance', async () => {
    const [first, second] = instances;
    const since = slack.calls.length;
    const body = mentionBody(`<@${BOT_USER_ID}> do connects expire?`, 'U0RETRY', 'EvRetry1');
    expect((await sendSigned(first?.port ?? 0, body, json)).status).toBe(200);
    const retried = await sendSigned(second?.port ?? 0, body, {
      ...json,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retried.status).toBe(200);
    await slack.until(() => posts(since).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts(since)).toHaveLength(1);
    expect(String(posts(since)[0]?.args.text)).toContain('How long Connects stay valid');
  });

  it('answer each of 50 deliveries that reached both instances once', async () => {
    const since = slack.calls.length;
    const bodies = Array.from({ length: 50 }, (_, n) =>
      mentionBody(`<@${BOT_USER_ID}> how do I buy connects?`, `U0BOTH${n}`, `EvBoth${n}`),
    );
    await Promise.all(
      bodies.flatMap((body) => instances.map((instance) => sendSigned(instance.port, body, json))),
    );
    await slack.until(() => posts(since).length >= 50, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts(since)).toHaveLength(50);
  }, 30_000);

  it('answer a slash command delivered to both once', async () => {
    const { body, trigger } = slashCommandBody(slack, '/connects', 'faq connects.expiry', 'U0SLASH');
    const statuses = await Promise.all(instances.map((instance) => sendSigned(instance.port, body)));
    expect(statuses.map((status) => status.status)).toEqual([200, 200]);
    await slack.until(() => slack.responses.some((response) => response.token === `r-${trigger}`));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.responses.filter((response) => response.token === `r-${trigger}`)).toHaveLength(1);
  });
});
