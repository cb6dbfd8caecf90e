import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../../../src/bench/stats.js';
import { type DiscordCluster, startDiscordCluster } from '../../helpers/discord-cluster.js';
import {
  type FakeDiscord,
  MEMBER_ID,
  MOD_ROLE_ID,
  modCommand,
  type RestCall,
  slashCommand,
  snowflake,
} from '../../helpers/fake-discord.js';
import { runCli } from '../../helpers/io.js';

// Two `helpbot start` processes on one token, one PostgreSQL (the ledger) and one Redis (the
// state), against the local fake Discord, which delivers every gateway event to both, as Discord
// does to two connections of one bot: each event is handled once in all, and when one instance is
// killed the other goes on.

const MODERATOR_ID = '200000000000000050';

let cluster: DiscordCluster;
let fake: FakeDiscord;
let databaseUrl = '';

beforeAll(async () => {
  cluster = await startDiscordCluster();
  ({ fake, databaseUrl } = cluster);
  await cluster.startBot();
  await cluster.startBot();
}, 60_000);

afterAll(async () => cluster.stop(), 30_000);

/** Every callback for these interactions, once they have all had one (or the time is up). */
async function callbacksFor(ids: readonly string[], since: number, timeoutMs = 20_000): Promise<RestCall[]> {
  const wanted = new Set(ids);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const calls = fake.calls
      .slice(since)
      .filter((call) => call.method === 'POST' && wanted.has(call.path.split('/')[2] ?? ''));
    const answered = new Set(calls.map((call) => call.path.split('/')[2]));
    if (answered.size >= wanted.size || Date.now() > deadline) {
      // A moment more for a second callback, if there were to be one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return fake.calls
        .slice(since)
        .filter((call) => call.method === 'POST' && wanted.has(call.path.split('/')[2] ?? ''));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function callbackCounts(calls: readonly RestCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls)
    if (call.path.endsWith('/callback')) {
      const id = call.path.split('/')[2] as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  return counts;
}

describe('two instances on one token, one PostgreSQL and one Redis', () => {
  it('both are connected and every event reaches both', () => {
    expect(fake.connections).toBe(2);
  });

  it('answer each question exactly once', async () => {
    const since = fake.calls.length;
    const payloads = Array.from({ length: 20 }, (_, n) =>
      slashCommand('faq', { topic: 'connects.expiry' }, { userId: String(300000000000000000n + BigInt(n)) }),
    );
    for (const payload of payloads) fake.dispatch('INTERACTION_CREATE', payload);
    const counts = callbackCounts(
      await callbacksFor(
        payloads.map((p) => p.id),
        since,
      ),
    );
    expect([...counts.values()]).toEqual(payloads.map(() => 1));
  });

  it("credit a moderator's grant once", async () => {
    const grant = modCommand(
      'grant',
      [
        { name: 'user', type: 6, value: MEMBER_ID },
        { name: 'amount', type: 4, value: 10 },
        { name: 'reason', type: 3, value: 'outage compensation' },
      ],
      { userId: MODERATOR_ID, roles: [MOD_ROLE_ID] },
    );
    const since = fake.calls.length;
    fake.dispatch('INTERACTION_CREATE', grant);
    const calls = await callbacksFor([grant.id], since);
    expect(callbackCounts(calls).get(grant.id)).toBe(1);
    const balance = await runCli(['balance', `discord:${MEMBER_ID}`, '--json'], {
      env: { DATABASE_URL: databaseUrl },
    });
    // 180 before: 190 with one grant, 200 had both instances made it.
    expect(JSON.parse(balance.stdout)).toMatchObject({ id: 'acct-rin', balance: 190 });
  });

  it('answer a burst of 1,000 interactions exactly once each', async () => {
    const since = fake.calls.length;
    const payloads = Array.from({ length: 1000 }, (_, n) => ({
      ...slashCommand('faq', { topic: 'refunds' }, { userId: String(400000000000000000n + BigInt(n)) }),
      id: snowflake(),
    }));
    const sent = Date.now();
    for (const payload of payloads) fake.dispatch('INTERACTION_CREATE', payload);
    const calls = await callbacksFor(
      payloads.map((p) => p.id),
      since,
      30_000,
    );
    const counts = callbackCounts(calls);
    expect(counts.size).toBe(1000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const firsts = new Map<string, number>();
    for (const call of calls) {
      const id = call.path.split('/')[2] as string;
      if (call.path.endsWith('/callback') && !firsts.has(id)) firsts.set(id, call.receivedAt - sent);
    }
    const s = summarise([...firsts.values()]);
    console.log(`two instances, 1,000 at once: event to first callback p50 ${s.p50} ms, p99 ${s.p99} ms`);
  }, 60_000);

  it('go on with one when the other is killed in the middle of a burst', async () => {
    const since = fake.calls.length;
    const payloads = Array.from({ length: 600 }, (_, n) => ({
      ...slashCommand('faq', { topic: 'connects.buy' }, { userId: String(500000000000000000n + BigInt(n)) }),
      id: snowflake(),
    }));
    for (const payload of payloads.slice(0, 300)) fake.dispatch('INTERACTION_CREATE', payload);
    const [victim] = cluster.bots;
    victim?.child.kill('SIGKILL');
    await victim?.exited;
    for (const payload of payloads.slice(300)) fake.dispatch('INTERACTION_CREATE', payload);
    const calls = await callbacksFor(
      payloads.map((p) => p.id),
      since,
      6_000,
    );
    const counts = callbackCounts(calls);
    // None twice. Those the killed instance had claimed and not yet answered are lost (Discord
    // tells their members the application did not respond); every event after the kill is answered.
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    for (const payload of payloads.slice(300)) expect(counts.get(payload.id)).toBe(1);
    const lost = payloads.slice(0, 300).filter((payload) => !counts.has(payload.id)).length;
    console.log(
      `killed in the middle of 300 interactions: ${300 - lost} answered, ${lost} lost with the instance`,
    );
    expect(fake.connections).toBe(1);
  }, 60_000);
});
