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

/** The end (exclusive) of the shortest match of `steps` starting exactly at `start`, if any. */
function matchAt(steps: readonly Step[], tokens: readonly string[], start: number): number | undefined {
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
    return token !== undefined && stepMatches(step, token) ? walk(stepIndex + 1, position + 1) : undefined;
  };
  return walk(0, start);
}

/**
 * The cases a question signals, in the order the question raises them. Overlapping matches are
 * resolved in favour of the more specific one, so "closed without anyone being hired" is a
 * cancelled post, not a hire.
 */
export function signalledCases(signals: readonly CompiledSignal[], tokens: readonly string[]): string[] {
  const hits: SignalHit[] = [];
  for (const signal of signals) {
    for (let start = 0; start < tokens.length; start++) {
      const end = matchAt(signal.steps, tokens, start);
      if (end !== undefined) hits.push({ caseId: signal.caseId, start, end, literals: signal.literals });
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
  accepted.sort((a, b) => a.start - b.start);
  return [...new Set(accepted.map((hit) => hit.caseId))];
}
