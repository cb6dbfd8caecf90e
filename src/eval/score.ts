import { z } from 'zod';

/** One line of an evaluation file: the acceptable intents (null = should abstain) and the case. */
export const evalLineSchema = z.object({
  text: z.string(),
  intent: z.array(z.string().nullable()).min(1),
  case: z.string().optional(),
});

export type EvalLine = z.infer<typeof evalLineSchema>;

export interface Prediction {
  readonly intent: string | null;
  readonly cases: readonly string[];
  readonly confidence: number;
  readonly clarified: boolean;
}

export interface Confusion {
  readonly text: string;
  readonly expected: string;
  readonly got: string;
  readonly confidence: number;
}

export interface EvalReport {
  readonly questions: number;
  readonly inScope: {
    readonly total: number;
    readonly correct: number;
    readonly accuracy: number;
    readonly clarified: number;
  };
  readonly outOfScope: { readonly total: number; readonly abstained: number; readonly abstention: number };
  readonly cases: { readonly total: number; readonly correct: number; readonly accuracy: number };
  readonly confusions: readonly Confusion[];
}

/**
 * In scope: the predicted intent is one of the acceptable ones (offering choices is not an answer).
 * Out of scope: the bot answered nothing. Case: the first case reported is the expected one.
 */
export function scoreEval(lines: readonly EvalLine[], predictions: readonly Prediction[]): EvalReport {
  let inScopeTotal = 0;
  let inScopeCorrect = 0;
  let clarified = 0;
  let outTotal = 0;
  let outAbstained = 0;
  let caseTotal = 0;
  let caseCorrect = 0;
  const confusions: Confusion[] = [];
  lines.forEach((line, i) => {
    const prediction = predictions[i] as Prediction;
    const shouldAbstain = line.intent.includes(null);
    const got = prediction.intent ?? (prediction.clarified ? '(choices)' : '(abstained)');
    const confusion = (expected: string, gotLabel: string) =>
      confusions.push({ text: line.text, expected, got: gotLabel, confidence: prediction.confidence });
    if (shouldAbstain) {
      outTotal++;
      if (prediction.intent === null) outAbstained++;
      else confusion('(abstain)', got);
    } else {
      inScopeTotal++;
      if (prediction.clarified) clarified++;
      if (prediction.intent !== null && line.intent.includes(prediction.intent)) inScopeCorrect++;
      else confusion(line.intent.join('|'), got);
    }
    if (line.case !== undefined) {
      caseTotal++;
      if (prediction.cases[0] === line.case) caseCorrect++;
      else confusion(`case ${line.case}`, `case ${prediction.cases[0] ?? '(none)'}`);
    }
  });
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);
  return {
    questions: lines.length,
    inScope: {
      total: inScopeTotal,
      correct: inScopeCorrect,
      accuracy: ratio(inScopeCorrect, inScopeTotal),
      clarified,
    },
    outOfScope: { total: outTotal, abstained: outAbstained, abstention: ratio(outAbstained, outTotal) },
    cases: { total: caseTotal, correct: caseCorrect, accuracy: ratio(caseCorrect, caseTotal) },
    confusions,
  };
}

/** What the scorer needs from a matcher's decision. */
export function predictionOf(result: {
  readonly intent: string | null;
  readonly cases: readonly string[];
  readonly confidence: number;
  readonly decision: string;
}): Prediction {
  return {
    intent: result.intent,
    cases: result.cases,
    confidence: result.confidence,
    clarified: result.decision === 'clarify',
  };
}
