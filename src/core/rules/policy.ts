import type { KnowledgeBase } from '../knowledge-base.js';

/** The policy numbers the rules apply; they live in knowledge/policy.yaml, never in code. */
export interface RulesPolicy {
  /** Free Connects a freelancer receives each billing cycle (fact grant.monthly). */
  readonly monthlyGrant: number;
  /** How long an acquired Connect stays valid (fact expiry.one-year). */
  readonly validityMonths: number;
}

/** The numbers the rules module cannot work without; `knowledge check` insists on them. */
export const RULES_NUMBERS = ['monthlyGrant', 'validityMonths'] as const;

export function rulesPolicyFrom(kb: KnowledgeBase): RulesPolicy {
  const value = (name: (typeof RULES_NUMBERS)[number]): number => {
    const number = kb.numbers[name];
    // validateKnowledge refuses a knowledge base without these, so this is a bug, not an input error.
    if (number === undefined) throw new Error(`policy number ${name} missing from the knowledge base`);
    return number.value;
  };
  return { monthlyGrant: value('monthlyGrant'), validityMonths: value('validityMonths') };
}

/** The window docs/contract.md gives `expiring`: what expires within 30 days of now. */
export const EXPIRING_WINDOW_DAYS = 30;
