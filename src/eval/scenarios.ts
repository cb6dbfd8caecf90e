import { z } from 'zod';

// Account scenarios (eval/scenarios.jsonl with eval/accounts.json): a question asked by a linked
// member at a fixed time, with what the answer and the account facts must say. Only the fields a
// line names are checked, so a scenario can test one thing.

export const scenarioSchema = z.object({
  as: z.string(),
  now: z.string(),
  text: z.string(),
  intent: z.string().nullable().optional(),
  intent_any: z.array(z.string().nullable()).optional(),
  cases_include: z.array(z.string()).optional(),
  /** The case the answer applies first (the one the question names). */
  first_case: z.string().optional(),
  /** What chose the topic: the words, or the member's own ledger when the words fit several. */
  decided_by: z.enum(['words', 'ledger', 'member']).optional(),
  /** Phrases the answer must contain (the account facts it cites). */
  answer_includes: z.array(z.string()).optional(),
  /** The second question's topic the answer covers or offers. */
  also: z.string().optional(),
  account: z
    .object({
      balance: z.number().optional(),
      nextMonthlyGrant: z.string().nullable().optional(),
      missingMonthlyGrant: z.boolean().optional(),
      proposals: z.record(z.string(), z.string()).optional(),
      expiring: z.record(z.string(), z.number()).optional(),
    })
    .nullable()
    .optional(),
  proposal_cases: z.record(z.string(), z.string()).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;

/** The part of `ask --json` a scenario is checked against. */
export interface ScenarioAnswer {
  readonly intent: string | null;
  readonly cases: readonly string[];
  readonly answer: string;
  readonly decidedBy: string | null;
  readonly also: readonly { readonly intent: string }[];
  readonly account: {
    readonly balance: number;
    readonly nextMonthlyGrant: string | null;
    readonly missingMonthlyGrant: boolean;
    readonly expiring: readonly { readonly amount: number; readonly on: string }[];
    readonly proposals: readonly {
      readonly proposal: string;
      readonly refund: string;
      readonly case: string | null;
    }[];
  } | null;
}

/** Every way the answer differs from the scenario; empty when it passes. */
export function scenarioMismatches(scenario: Scenario, answer: ScenarioAnswer): string[] {
  const wrong: string[] = [];
  const check = (what: string, expected: unknown, got: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(got)) {
      wrong.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    }
  };
  if (scenario.intent !== undefined) check('intent', scenario.intent, answer.intent);
  if (scenario.intent_any !== undefined && !scenario.intent_any.includes(answer.intent)) {
    wrong.push(
      `intent: expected one of ${JSON.stringify(scenario.intent_any)}, got ${JSON.stringify(answer.intent)}`,
    );
  }
  for (const id of scenario.cases_include ?? []) {
    if (!answer.cases.includes(id))
      wrong.push(`cases: expected to include ${id}, got ${JSON.stringify(answer.cases)}`);
  }
  if (scenario.first_case !== undefined) check('first case', scenario.first_case, answer.cases[0] ?? null);
  if (scenario.decided_by !== undefined) check('decided by', scenario.decided_by, answer.decidedBy);
  for (const phrase of scenario.answer_includes ?? []) {
    if (!answer.answer.includes(phrase)) wrong.push(`answer: expected to include ${JSON.stringify(phrase)}`);
  }
  if (scenario.also !== undefined && !answer.also.some((topic) => topic.intent === scenario.also)) {
    wrong.push(
      `also: expected ${scenario.also}, got ${JSON.stringify(answer.also.map((topic) => topic.intent))}`,
    );
  }
  const expected = scenario.account;
  const account = answer.account;
  if (expected === null) check('account', null, account);
  if (expected !== undefined && expected !== null) {
    if (account === null) return [...wrong, 'account: expected a linked account, got null'];
    if (expected.balance !== undefined) check('balance', expected.balance, account.balance);
    if (expected.nextMonthlyGrant !== undefined)
      check('nextMonthlyGrant', expected.nextMonthlyGrant, account.nextMonthlyGrant);
    if (expected.missingMonthlyGrant !== undefined) {
      check('missingMonthlyGrant', expected.missingMonthlyGrant, account.missingMonthlyGrant);
    }
    if (expected.expiring !== undefined) {
      check(
        'expiring',
        expected.expiring,
        Object.fromEntries(account.expiring.map((item) => [item.on, item.amount])),
      );
    }
    for (const [proposal, refund] of Object.entries(expected.proposals ?? {})) {
      check(
        `proposal ${proposal}`,
        refund,
        account.proposals.find((p) => p.proposal === proposal)?.refund ?? null,
      );
    }
  }
  for (const [proposal, caseId] of Object.entries(scenario.proposal_cases ?? {})) {
    check(
      `case of ${proposal}`,
      caseId,
      account?.proposals.find((p) => p.proposal === proposal)?.case ?? null,
    );
  }
  return wrong;
}
