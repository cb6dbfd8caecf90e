import type { Account } from '../../src/core/ledger/types.js';

/**
 * A member whose latest monthly grant is missing on 2026-11-27 (billing day 29, nothing since
 * September): every answer about their account hands it over to the moderators.
 */
export function missingGrantAccount(identity: string): Account {
  return {
    id: `acct-missing-${identity.split(':')[0]}`,
    kind: 'freelancer',
    plan: 'basic',
    billingDay: 29,
    identities: [identity],
    ledger: [
      { id: 's', at: new Date('2025-12-20T09:00:00Z'), type: 'grant', reason: 'signup', amount: 40 },
      { id: 'm', at: new Date('2026-09-29T00:00:00Z'), type: 'grant', reason: 'monthly', amount: 10 },
    ],
  };
}
