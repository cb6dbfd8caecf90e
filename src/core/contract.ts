// The intents other tools rely on (docs/contract.md section 1). Every one must exist in knowledge/.
export const CONTRACT_INTENTS = [
  'connects.about',
  'connects.job-cost',
  'connects.buy',
  'connects.purchase-missing',
  'connects.monthly-free',
  'connects.earn-free',
  'connects.expiry',
  'connects.balance',
  'refunds',
  'agency.connects',
  'payments.milestone-review',
  'proposals.tips',
  'support.contact',
] as const;

export type ContractIntent = (typeof CONTRACT_INTENTS)[number];
