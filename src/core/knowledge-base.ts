// The knowledge base as the core sees it: validated, templates filled, nothing left to check.

export interface PolicyFact {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface PolicyNumber {
  readonly value: number;
  readonly fact: string;
  readonly unit: string;
}

/** One case of an entry (a refund case, the agency exception): applied first when its signals occur. */
export interface FaqPart {
  readonly caseId: string;
  readonly text: string;
  readonly signals: readonly string[];
  /** Sentences that tell this situation in members' words: what the case classifier learns from. */
  readonly examples: readonly string[];
}

export interface FaqEntry {
  readonly id: string;
  readonly title: string;
  readonly answer: string;
  readonly facts: readonly string[];
  readonly keywords: readonly string[];
  readonly examples: readonly string[];
  readonly followups: readonly string[];
  readonly parts: readonly FaqPart[];
}

export interface KnowledgeBase {
  readonly facts: ReadonlyMap<string, PolicyFact>;
  readonly numbers: Readonly<Record<string, PolicyNumber>>;
  readonly entries: readonly FaqEntry[];
  /** variant (one or more words, lower case) -> canonical word(s) */
  readonly synonyms: ReadonlyMap<string, string>;
  /** misspelling or shorthand (one word) -> replacement word(s) */
  readonly misspellings: ReadonlyMap<string, string>;
  readonly outOfScope: readonly string[];
}

export function entryById(kb: KnowledgeBase, id: string): FaqEntry | undefined {
  return kb.entries.find((entry) => entry.id === id);
}
