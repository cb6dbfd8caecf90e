// Generated accounts in the import format (docs/contract.md section 4), for the benchmark and the crash
// test: realistic mixes of grants, purchases, spends and outcomes, always valid, deterministic.

const OUTCOMES = [
  'client_cancelled',
  'expired',
  'hired',
  'withdrawn',
  'declined',
  'platform_removed',
  'open',
];
const JOBS = [
  'Logo design',
  'Podcast editing',
  'Translate a website',
  'Shopify fixes',
  'Data entry',
  'SEO audit',
];
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32): the same seed gives the same file. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticEntry {
  id: string;
  at: string;
  type: string;
  [field: string]: unknown;
}

export interface SyntheticAccount {
  id: string;
  kind: 'freelancer';
  plan: 'basic';
  billingDay: number;
  identities: string[];
  ledger: SyntheticEntry[];
}

/** Account `index` of a run: its identity is `discord:` + an 18-digit id derived from the index. */
export function syntheticIdentity(index: number): string {
  return `discord:${(100_000_000_000_000_000n + BigInt(index)).toString()}`;
}

/**
 * `count` accounts of exactly `entriesPerAccount` entries each, within the eleven months before
 * `end` so nothing lapses half-way and every spend fits the balance at its time.
 */
export function syntheticAccounts(
  count: number,
  entriesPerAccount: number,
  options: { seed?: number; end?: Date; firstIndex?: number } = {},
): SyntheticAccount[] {
  const next = random(options.seed ?? 1);
  const end = (options.end ?? new Date('2026-11-27T00:00:00Z')).getTime();
  const start = end - 330 * DAY;
  const accounts: SyntheticAccount[] = [];
  for (let a = 0; a < count; a++) {
    const index = (options.firstIndex ?? 0) + a;
    const ledger: SyntheticEntry[] = [];
    let time = start + Math.floor(next() * 5 * DAY);
    let balance = 0;
    let proposal = 0;
    const open: string[] = [];
    const at = () => {
      time += Math.floor((next() * 300 * DAY) / entriesPerAccount) + 60_000;
      return new Date(time).toISOString();
    };
    ledger.push({ id: 'e0', at: at(), type: 'grant', reason: 'signup', amount: 40 });
    balance += 40;
    while (ledger.length < entriesPerAccount) {
      const id = `e${ledger.length}`;
      const roll = next();
      if (open.length > 0 && roll < 0.25) {
        const target = open.shift() as string;
        ledger.push({
          id,
          at: at(),
          type: 'job-outcome',
          proposal: target,
          outcome: OUTCOMES[Math.floor(next() * OUTCOMES.length)],
        });
      } else if (roll < 0.6 && balance >= 2) {
        const amount = Math.max(1, Math.min(balance, 1 + Math.floor(next() * 16)));
        const name = `p-${index}-${proposal++}`;
        const boost = next() < 0.2 ? Math.floor(amount / 3) : 0;
        ledger.push({
          id,
          at: at(),
          type: 'spend',
          amount,
          proposal: name,
          job: JOBS[Math.floor(next() * JOBS.length)],
          ...(boost > 0 ? { boost } : {}),
        });
        balance -= amount;
        open.push(name);
      } else if (roll < 0.85) {
        ledger.push({ id, at: at(), type: 'grant', reason: 'monthly', amount: 10 });
        balance += 10;
      } else {
        const amount = 10 * (1 + Math.floor(next() * 8));
        ledger.push({ id, at: at(), type: 'purchase', amount });
        balance += amount;
      }
    }
    accounts.push({
      id: `acct-${index}`,
      kind: 'freelancer',
      plan: 'basic',
      billingDay: 1 + Math.floor(next() * 31),
      identities: [syntheticIdentity(index)],
      ledger,
    });
  }
  return accounts;
}
