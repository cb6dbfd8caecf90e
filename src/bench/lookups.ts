import type { LedgerStore } from '../core/ledger/store.js';
import { accountFacts } from '../core/rules/account-facts.js';
import type { RulesPolicy } from '../core/rules/policy.js';
import { summarise } from './stats.js';
import { syntheticIdentity } from './synthetic-ledger.js';

/**
 * Balance lookups as a personal answer makes them (identity → account → rules) for `count` random
 * members of `accounts` generated ones, one after the other after a warm-up: their times summarised.
 */
export async function timedLookups(
  store: LedgerStore,
  policy: RulesPolicy,
  options: { accounts: number; count: number; now: Date },
): Promise<ReturnType<typeof summarise>> {
  const pick = (i: number) => syntheticIdentity((i * 7919 + 13) % options.accounts);
  for (let i = 0; i < 2000; i++) {
    const account = await store.accountForIdentity(pick(i));
    if (account !== null) accountFacts(account, policy, options.now);
  }
  const times: number[] = [];
  for (let i = 0; i < options.count; i++) {
    const start = process.hrtime.bigint();
    const account = await store.accountForIdentity(pick(i + 5000));
    if (account === null) throw new Error('synthetic identity not found');
    accountFacts(account, policy, options.now);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(times);
}
