import { z } from 'zod';
import { IDENTITY_EXAMPLES, isIdentity } from '../core/identity.js';
import { parseIsoInstant } from '../core/iso-time.js';
import {
  ACCOUNT_KINDS,
  GRANT_REASONS,
  JOB_OUTCOMES,
  MODERATOR_ENTRY_PREFIX,
  PLANS,
} from '../core/ledger/types.js';
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

// Ledger times a real export can hold. Year 0001 or 9999 is a typing or export error, and taken
// at face value it would turn on the rules' "missing monthly grant" escalation or never expire.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

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
    const year = date.getUTCFullYear();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is outside the years ${FIRST_YEAR}-${LAST_YEAR} (a typing or export error?)`,
      });
      return z.NEVER;
    }
    return date;
  });

/**
 * A whole number, with one message for what is wrong and the range checked first: 9007199254740993
 * is "at most 1000000", not "not a whole number" (it is one, beyond what a double holds exactly).
 */
const wholeNumber = (outOfRange: (value: number) => string | undefined) =>
  z.number({ error: 'must be a number' }).superRefine((value, ctx) => {
    const message = outOfRange(value) ?? (Number.isInteger(value) ? undefined : 'must be a whole number');
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  });

const count = wholeNumber((value) =>
  value <= 0 ? 'must be more than 0' : value > MAX_AMOUNT ? `must be at most ${MAX_AMOUNT}` : undefined,
);

// Moderators' changes made in the bot carry this prefix; a file's entries cannot pass for them.
const entryId = key.refine(
  (id) => !id.startsWith(MODERATOR_ENTRY_PREFIX),
  `must not start with "${MODERATOR_ENTRY_PREFIX}" (kept for moderators' changes made in the bot)`,
);

const base = { id: entryId, at: instant };

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
  amount: wholeNumber((value) =>
    value === 0
      ? 'must not be 0 (positive credits, negative debits)'
      : Math.abs(value) > MAX_AMOUNT
        ? `must be between -${MAX_AMOUNT} and ${MAX_AMOUNT}`
        : undefined,
  ),
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
  billingDay: wholeNumber((value) => (value < 1 || value > 31 ? 'must be 1-31' : undefined)),
  identities: z
    .array(z.string().refine(isIdentity, `must be platform:id, e.g. ${IDENTITY_EXAMPLES}`))
    .default([]),
  ledger: z.array(entrySchema).default([]),
});
