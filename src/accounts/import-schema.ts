import { z } from 'zod';
import { IDENTITY_EXAMPLES, isIdentity } from '../core/identity.js';
import { parseIsoInstant } from '../core/iso-time.js';
import { ACCOUNT_KINDS, GRANT_REASONS, JOB_OUTCOMES, PLANS } from '../core/ledger/types.js';
import { wellFormed } from '../core/text/well-formed.js';

// docs/contract.md section 4, the accounts import file. Fields beyond the contract's are ignored, so a
// file exported with extra columns still imports; the shapes the contract names are enforced.

/** Enough for any real balance, small enough that sums stay exact integers. */
const MAX_AMOUNT = 1_000_000;

const key = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be 1-100 letters, digits or . _ : - (no spaces)');
// Half an emoji (a lone surrogate, left by an upstream truncation) is repaired, not refused: every
// later export repeats the entry, and refusing it would stall each import for every account.
const label = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max} characters`)
    .transform(wellFormed);
const oneOf = (values: readonly string[]) => ({ error: `must be one of: ${values.join(', ')}` });

const instant = z
  .string({ error: 'must be an ISO 8601 time such as 2026-11-27T12:00:00Z' })
  .transform((value, ctx) => {
    const date = parseIsoInstant(value);
    if (date === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an ISO 8601 date or date-time with a zone`,
      });
      return z.NEVER;
    }
    return date;
  });

const count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be more than 0')
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`);

const base = { id: key, at: instant };

const grant = z.object({
  ...base,
  type: z.literal('grant'),
  reason: z.enum(GRANT_REASONS, oneOf(GRANT_REASONS)),
  amount: count,
});
const purchase = z.object({ ...base, type: z.literal('purchase'), amount: count });
const spend = z.object({
  ...base,
  type: z.literal('spend'),
  amount: count,
  proposal: key,
  job: label(300),
  boost: count.optional(),
});
const jobOutcome = z.object({
  ...base,
  type: z.literal('job-outcome'),
  proposal: key,
  outcome: z.enum(JOB_OUTCOMES, oneOf(JOB_OUTCOMES)),
});
const adjustment = z.object({
  ...base,
  type: z.literal('adjustment'),
  amount: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .refine((value) => value !== 0, 'must not be 0 (positive credits, negative debits)')
    .refine((value) => Math.abs(value) <= MAX_AMOUNT, `must be between -${MAX_AMOUNT} and ${MAX_AMOUNT}`),
  reason: label(500),
});

const ENTRY_TYPES = ['grant', 'purchase', 'spend', 'job-outcome', 'adjustment'] as const;

export const entrySchema = z.discriminatedUnion('type', [grant, purchase, spend, jobOutcome, adjustment], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `type must be one of: ${ENTRY_TYPES.join(', ')}` : undefined,
});

export const accountSchema = z.object({
  id: key,
  kind: z.enum(ACCOUNT_KINDS, oneOf(ACCOUNT_KINDS)),
  plan: z.enum(PLANS, oneOf(PLANS)),
  billingDay: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1-31')
    .max(31, 'must be 1-31'),
  identities: z
    .array(z.string().refine(isIdentity, `must be platform:id, e.g. ${IDENTITY_EXAMPLES}`))
    .default([]),
  ledger: z.array(entrySchema).default([]),
});

export const importFileSchema = z.object({
  accounts: z.array(accountSchema, { error: 'must be a list of accounts' }),
});

export type ImportFile = z.output<typeof importFileSchema>;
