import { describe, expect, it } from 'vitest';
import { parseImportText } from '../../src/accounts/import-file.js';
import { formatLedgerProblem } from '../../src/core/rules/problems.js';

const account = (ledger: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'acct-1',
  kind: 'freelancer',
  plan: 'basic',
  billingDay: 24,
  identities: ['discord:123456789012345678'],
  ledger,
  ...extra,
});

function problems(value: unknown): string[] {
  const parsed = parseImportText(typeof value === 'string' ? value : JSON.stringify(value));
  return parsed.ok ? [] : parsed.problems.map(formatLedgerProblem);
}

describe('parseImportText', () => {
  it('repairs half an emoji in a job title or a reason rather than storing text with no UTF-8 form', () => {
    const parsed = parseImportText(
      JSON.stringify({
        accounts: [
          account([
            {
              id: 's',
              at: '2026-01-02T00:00:00Z',
              type: 'spend',
              amount: 4,
              proposal: 'p-1',
              job: 'Logo \ud83c',
            },
            { id: 'a', at: '2026-01-03T00:00:00Z', type: 'adjustment', amount: 2, reason: '\udfa8 fix' },
          ]),
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.accounts[0]?.ledger).toMatchObject([{ job: 'Logo \ufffd' }, { reason: '\ufffd fix' }]);
  });

  it('reads the contract example into the core types, times as instants', () => {
    const parsed = parseImportText(
      JSON.stringify({
        accounts: [
          account([
            { id: 'e1', at: '2025-11-02T10:00:00Z', type: 'grant', reason: 'signup', amount: 40 },
            {
              id: 'e4',
              at: '2025-12-03T14:00:00+02:00',
              type: 'spend',
              amount: 7,
              proposal: 'p-1',
              job: 'Content Writing',
            },
            { id: 'e5', at: '2025-12-20', type: 'job-outcome', proposal: 'p-1', outcome: 'expired' },
            {
              id: 'e6',
              at: '2025-12-21T00:00:00Z',
              type: 'adjustment',
              amount: -2,
              reason: 'duplicate credit',
              note: 'extra fields are ignored',
            },
          ]),
        ],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [e1, e4, e5, e6] = parsed.accounts[0]?.ledger ?? [];
    expect(e1).toEqual({
      id: 'e1',
      at: new Date('2025-11-02T10:00:00Z'),
      type: 'grant',
      reason: 'signup',
      amount: 40,
    });
    expect(e4?.at.toISOString()).toBe('2025-12-03T12:00:00.000Z');
    expect(e4 && 'boost' in e4).toBe(false);
    expect(e5?.at.toISOString()).toBe('2025-12-20T00:00:00.000Z');
    expect(e6).toEqual({
      id: 'e6',
      at: new Date('2025-12-21T00:00:00Z'),
      type: 'adjustment',
      amount: -2,
      reason: 'duplicate credit',
    });
  });

  it('names the account, the entry and the field of every problem', () => {
    expect(
      problems({
        accounts: [
          account([
            { id: 'e1', at: '2026-02-30T00:00:00Z', type: 'grant', reason: 'signup', amount: 40 },
            { id: 'e2', at: '2026-01-01T00:00:00Z', type: 'refund', amount: 5 },
            { at: '2026-01-01T00:00:00Z', type: 'spend', amount: 2.5, proposal: 'p 1', job: '' },
            { id: 'e4', at: '2026-01-01T00:00:00Z', type: 'adjustment', amount: 0, reason: 'x' },
            {
              id: 'e5',
              at: '2026-01-01T00:00:00Z',
              type: 'job-outcome',
              proposal: 'p-1',
              outcome: 'ghosted',
            },
          ]),
          { kind: 'agency', plan: 'agency-plus', billingDay: 0, identities: ['telegram:1'] },
        ],
      }),
    ).toEqual([
      'account acct-1 entry e1 at: "2026-02-30T00:00:00Z" is not an ISO 8601 date or date-time with a zone',
      'account acct-1 entry e2 type: type must be one of: grant, purchase, spend, job-outcome, adjustment',
      'account acct-1 entry #3 id: is missing',
      'account acct-1 entry #3 amount: must be a whole number',
      'account acct-1 entry #3 proposal: must be 1-100 letters, digits or . _ : - (no spaces)',
      'account acct-1 entry #3 job: must not be empty',
      'account acct-1 entry e4 amount: must not be 0 (positive credits, negative debits)',
      'account acct-1 entry e5 outcome: must be one of: open, client_cancelled, platform_removed, expired, withdrawn, declined, hired',
      'account #2 id: is missing',
      'account #2 billingDay: must be 1-31',
      'account #2 identities.0: must be platform:id, e.g. discord:123456789012345678, slack:U0123ABC, console:faraz',
    ]);
  });

  it('refuses implausible years and names a number by its range before its wholeness', () => {
    expect(
      problems(
        `{"accounts": [${JSON.stringify(
          account([
            { id: 'g0', at: '0001-05-01T00:00:00Z', type: 'grant', reason: 'monthly', amount: 10 },
            { id: 'g9', at: '9999-12-31', type: 'grant', reason: 'monthly', amount: 10 },
            { id: 'b1', at: '1999-12-31T23:59:59Z', type: 'purchase', amount: 10 },
            { id: 'b2', at: '2026-01-01T00:00:00Z', type: 'purchase', amount: 2.5 },
            { id: 'a1', at: '2026-01-01T00:00:00Z', type: 'adjustment', amount: -2000000, reason: 'x' },
          ]),
        ).replace('"amount":2.5', '"amount":9007199254740993')}]}`,
      ),
    ).toEqual([
      'account acct-1 entry g0 at: "0001-05-01T00:00:00Z" is outside the years 2000-2099 (a typing or export error?)',
      'account acct-1 entry g9 at: "9999-12-31" is outside the years 2000-2099 (a typing or export error?)',
      'account acct-1 entry b1 at: "1999-12-31T23:59:59Z" is outside the years 2000-2099 (a typing or export error?)',
      'account acct-1 entry b2 amount: must be at most 1000000',
      'account acct-1 entry a1 amount: must be between -1000000 and 1000000',
    ]);
    expect(problems({ accounts: [account([], { billingDay: 2.5 })] })).toEqual([
      'account acct-1 billingDay: must be a whole number',
    ]);
  });

  it('rejects a file that is not JSON, or not an object with accounts', () => {
    expect(problems('{"accounts": [')[0]).toMatch(/^not valid JSON/);
    expect(problems('[]')).toEqual([
      'must be a JSON object with an "accounts" list (docs/contract.md section 4)',
    ]);
    expect(problems({ accounts: {} })).toEqual(['accounts: must be a list of accounts']);
  });
});
