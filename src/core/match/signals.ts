import type { Analyzer } from '../text/analyzer.js';

// Signal phrases say which case of an entry a question is about ("the job expired" -> refund.expired).
// Syntax, written in members' words: a word ending in `*` matches any ending; `...` lets up to
// MAX_GAP other words stand between its neighbours. Literal words go through the same synonyms as
// questions, so "cancelled" in a signal also matches "canceled" and "cancellation".

const MAX_GAP = 3;

type Step =
  | { readonly kind: 'word'; readonly value: string }
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'gap' };

export interface CompiledSignal {
  readonly caseId: string;
  readonly source: string;
  readonly steps: readonly Step[];
  /** How many words it names: the more, the more specific, and the earlier it is tried. */
  readonly literals: number;
}

export interface SignalHit {
  readonly caseId: string;
  readonly start: number;
  readonly end: number;
  readonly literals: number;
  /** The post's words its named words matched (a gap's words are not among them). */
  readonly words: readonly string[];
}

export function compileSignal(caseId: string, source: string, analyzer: Analyzer): CompiledSignal | string {
  const steps: Step[] = [];
  const segments = source.split('...').map((segment) => segment.trim());
  for (const [index, segment] of segments.entries()) {
    if (segment === '') return `"${source}": "..." needs a word on each side`;
    if (index > 0) steps.push({ kind: 'gap' });
    let literalRun: string[] = [];
    const flushLiterals = (): void => {
      if (literalRun.length === 0) return;
      for (const value of analyzer.canonical(literalRun.join(' '))) steps.push({ kind: 'word', value });
      literalRun = [];
    };
    for (const word of segment.split(/\s+/)) {
      if (word.endsWith('*')) {
        flushLiterals();
        const prefix = analyzer.canonical(word.slice(0, -1)).join('');
        if (prefix.length < 3) return `"${source}": a prefix needs at least 3 letters before *`;
        steps.push({ kind: 'prefix', value: prefix });
      } else {
        literalRun.push(word);
      }
    }
    flushLiterals();
  }
  const literals = steps.filter((step) => step.kind !== 'gap').length;
  if (literals === 0) return `"${source}": names no word`;
  return { caseId, source, steps, literals };
}

function stepMatches(step: Step, token: string): boolean {
  return step.kind === 'word' ? token === step.value : step.kind === 'prefix' && token.startsWith(step.value);
}

/**
 * The shortest match of `steps` starting exactly at `start`, if any: where it ends (exclusive) and
 * which positions its named words took.
 */
function matchAt(
  steps: readonly Step[],
  tokens: readonly string[],
  start: number,
): { end: number; literals: number[] } | undefined {
  const literals: number[] = [];
  const walk = (stepIndex: number, position: number): number | undefined => {
    if (stepIndex === steps.length) return position;
    const step = steps[stepIndex] as Step;
    if (step.kind === 'gap') {
      for (let skip = 0; skip <= MAX_GAP && position + skip <= tokens.length; skip++) {
        const end = walk(stepIndex + 1, position + skip);
        if (end !== undefined) return end;
      }
      return undefined;
    }
    const token = tokens[position];
    if (token === undefined || !stepMatches(step, token)) return undefined;
    literals.push(position);
    const end = walk(stepIndex + 1, position + 1);
    if (end === undefined) literals.pop();
    return end;
  };
  const end = walk(0, start);
  return end === undefined ? undefined : { end, literals };
}

// "The client did not cancel" names no cancellation: a negation just before a signal, or between
// its words, that the signal does not name itself ("never ... view" does) turns the match off.
const NEGATIONS = new Set(['not', 'never', 'no', 'nobody', 'none']);
const NEGATION_REACH = 2;

function negated(
  tokens: readonly string[],
  start: number,
  end: number,
  literals: readonly number[],
): boolean {
  for (let i = Math.max(0, start - NEGATION_REACH); i < end; i++) {
    if (NEGATIONS.has(tokens[i] as string) && !literals.includes(i)) return true;
  }
  return false;
}

/**
 * The cases a question signals, in the order the question raises them. Overlapping matches are
 * resolved in favour of the more specific one, so "closed without anyone being hired" is a
 * cancelled post, not a hire.
 */
export function signalledCases(
  signals: readonly CompiledSignal[] | SignalSet,
  tokens: readonly string[],
): string[] {
  return [...new Set(signalHits(signals, tokens).map((hit) => hit.caseId))];
}

const NONE: readonly CompiledSignal[] = [];

/** Signals by their first word, so a long post tries at each word only the signals that start with it. */
export class SignalSet {
  private readonly byFirstWord = new Map<string, CompiledSignal[]>();
  private readonly byPrefix: CompiledSignal[] = [];

  constructor(readonly signals: readonly CompiledSignal[]) {
    for (const signal of signals) {
      const first = signal.steps[0];
      if (first?.kind === 'word')
        this.byFirstWord.set(first.value, [...(this.byFirstWord.get(first.value) ?? []), signal]);
      else this.byPrefix.push(signal);
    }
  }

  /** The signals that may match from a word on. */
  startingWith(token: string): readonly CompiledSignal[] {
    const exact = this.byFirstWord.get(token) ?? NONE;
    // A new list only when a prefix signal fits: this runs for every word of a post.
    let withPrefixed: CompiledSignal[] | null = null;
    for (const signal of this.byPrefix) {
      if (!stepMatches(signal.steps[0] as Step, token)) continue;
      withPrefixed ??= [...exact];
      withPrefixed.push(signal);
    }
    return withPrefixed ?? exact;
  }
}

/** The signal matches that stand after overlaps are resolved, in the order of the text. */
export function signalHits(
  signals: readonly CompiledSignal[] | SignalSet,
  tokens: readonly string[],
): SignalHit[] {
  return readSignals(signals, tokens).hits;
}

/**
 * The signal matches, and the cases a negation turned off ("none of them hired anybody" names no
 * hire): a learned reading of the same sentence must not bring those back.
 */
export function readSignals(
  signals: readonly CompiledSignal[] | SignalSet,
  tokens: readonly string[],
): { hits: SignalHit[]; negatedCases: Set<string> } {
  const set = signals instanceof SignalSet ? signals : new SignalSet(signals);
  const hits: SignalHit[] = [];
  const negatedCases = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    const candidates = set.startingWith(tokens[start] as string);
    if (candidates.length === 0) continue;
    for (const signal of candidates) {
      const match = matchAt(signal.steps, tokens, start);
      if (match === undefined) continue;
      if (negated(tokens, start, match.end, match.literals)) {
        negatedCases.add(signal.caseId);
        continue;
      }
      hits.push({
        caseId: signal.caseId,
        start,
        end: match.end,
        literals: signal.literals,
        words: match.literals.map((position) => tokens[position] as string),
      });
    }
  }
  hits.sort((a, b) => b.literals - a.literals || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const accepted: SignalHit[] = [];
  for (const hit of hits) {
    let free = true;
    for (let i = hit.start; i < hit.end && free; i++) free = !taken[i];
    if (!free) continue;
    for (let i = hit.start; i < hit.end; i++) taken[i] = true;
    accepted.push(hit);
  }
  return { hits: accepted.sort((a, b) => a.start - b.start), negatedCases };
}
