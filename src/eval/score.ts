import { z } from 'zod';

/**
 * One line of an evaluation file: the acceptable intents for the main question (null = the bot
 * should abstain), the refund case named first, every case named in order, and the intents of a
 * second question the post also asks.
 */
export const evalLineSchema = z.object({
  text: z.string(),
  intent: z.array(z.string().nullable()).min(1),
  case: z.string().optional(),
  cases: z.array(z.string()).min(1).optional(),
  also: z.array(z.string()).min(1).optional(),
});

export type EvalLine = z.infer<typeof evalLineSchema>;

export interface Prediction {
  readonly intent: string | null;
  readonly cases: readonly string[];
  /** The cases the question itself names, in its order (defaults to none). */
  readonly signalled?: readonly string[];
  readonly confidence: number;
  readonly clarified: boolean;
  /** Second questions the reply answers or offers (intents). */
  readonly also?: readonly string[];
}

export interface Confusion {
  readonly text: string;
  readonly expected: string;
  readonly got: string;
  readonly confidence: number;
}

export interface IntentFigures {
  readonly intent: string;
  /** Lines whose main question is this intent (or off-topic lines, for OFF_TOPIC). */
  readonly expected: number;
  /** Answers given with this intent (abstentions of any kind, for OFF_TOPIC). */
  readonly predicted: number;
  /** Of the lines expecting it, those answered with an acceptable intent. */
  readonly right: number;
  readonly precision: number;
  readonly recall: number;
}

export interface EvalReport {
  readonly questions: number;
  readonly inScope: {
    readonly total: number;
    readonly correct: number;
    readonly accuracy: number;
    readonly clarified: number;
    /** Answered with a topic that is not an acceptable one. */
    readonly wrong: number;
  };
  readonly outOfScope: { readonly total: number; readonly abstained: number; readonly abstention: number };
  /** Confident wrong topics (in scope) and answers to off-topic lines, over all lines. */
  readonly wrongAnswers: { readonly count: number; readonly rate: number };
  readonly cases: { readonly total: number; readonly correct: number; readonly accuracy: number };
  /** Lines naming two or more cases: the reply names all of them first, in the line's order. */
  readonly caseOrder: { readonly total: number; readonly correct: number; readonly accuracy: number };
  /** Lines with a second question: the reply answers or offers it. */
  readonly secondQuestions: { readonly total: number; readonly found: number; readonly recall: number };
  readonly perIntent: readonly IntentFigures[];
  /** expected -> got -> count; got is an intent, CHOICES or ABSTAINED. */
  readonly confusionTable: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly confusions: readonly Confusion[];
}

export const OFF_TOPIC = '(off-topic)';
export const CHOICES = '(choices)';
export const ABSTAINED = '(abstained)';

/**
 * In scope: the predicted intent is one of the acceptable ones (offering choices is not an answer).
 * Out of scope: the bot answered nothing. Case: the first case reported is the expected one.
 */
export function scoreEval(lines: readonly EvalLine[], predictions: readonly Prediction[]): EvalReport {
  let inScopeTotal = 0;
  let inScopeCorrect = 0;
  let inScopeWrong = 0;
  let clarified = 0;
  let outTotal = 0;
  let outAbstained = 0;
  let caseTotal = 0;
  let caseCorrect = 0;
  let orderTotal = 0;
  let orderCorrect = 0;
  let alsoTotal = 0;
  let alsoFound = 0;
  const confusions: Confusion[] = [];
  const table: Record<string, Record<string, number>> = {};
  const expectedCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  // Right answers counted by the intent answered (for precision) and by the line's (for recall):
  // a line may accept two intents.
  const rightAnswered = new Map<string, number>();
  const rightExpected = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  lines.forEach((line, i) => {
    const prediction = predictions[i] as Prediction;
    const shouldAbstain = line.intent.includes(null);
    const got = prediction.intent ?? (prediction.clarified ? CHOICES : ABSTAINED);
    const expected = shouldAbstain ? OFF_TOPIC : (line.intent[0] as string);
    const row = table[expected] ?? {};
    row[got] = (row[got] ?? 0) + 1;
    table[expected] = row;
    bump(expectedCount, expected);
    if (prediction.intent !== null) bump(predictedCount, prediction.intent);
    else if (!prediction.clarified) bump(predictedCount, OFF_TOPIC);
    const confusion = (wanted: string, gotLabel: string) =>
      confusions.push({
        text: line.text,
        expected: wanted,
        got: gotLabel,
        confidence: prediction.confidence,
      });
    if (shouldAbstain) {
      outTotal++;
      if (prediction.intent === null) {
        outAbstained++;
        if (!prediction.clarified) {
          bump(rightAnswered, OFF_TOPIC);
          bump(rightExpected, OFF_TOPIC);
        }
      } else confusion('(abstain)', got);
    } else {
      inScopeTotal++;
      if (prediction.clarified) clarified++;
      if (prediction.intent !== null && line.intent.includes(prediction.intent)) {
        inScopeCorrect++;
        bump(rightAnswered, prediction.intent);
        bump(rightExpected, expected);
      } else {
        if (prediction.intent !== null) inScopeWrong++;
        confusion(line.intent.join('|'), got);
      }
    }
    if (line.case !== undefined) {
      caseTotal++;
      if (prediction.cases[0] === line.case) caseCorrect++;
      else confusion(`case ${line.case}`, `case ${prediction.cases[0] ?? '(none)'}`);
    }
    if (line.cases !== undefined && line.cases.length >= 2) {
      orderTotal++;
      const named = prediction.signalled ?? prediction.cases;
      const head = named.slice(0, line.cases.length);
      if (head.join(' ') === line.cases.join(' ')) orderCorrect++;
      else confusion(`cases ${line.cases.join(', ')}`, `cases ${named.join(', ') || '(none)'}`);
    }
    if (line.also !== undefined && !shouldAbstain) {
      alsoTotal++;
      const offered = prediction.also ?? [];
      if (line.also.some((intent) => offered.includes(intent))) alsoFound++;
      else confusion(`also ${line.also.join('|')}`, `also ${offered.join(', ') || '(none)'}`);
    }
  });
  const perIntent = [...new Set([...expectedCount.keys(), ...predictedCount.keys()])]
    .sort((a, b) => (a === OFF_TOPIC ? 1 : b === OFF_TOPIC ? -1 : a.localeCompare(b)))
    .map((intent) => {
      const expected = expectedCount.get(intent) ?? 0;
      const predicted = predictedCount.get(intent) ?? 0;
      const right = rightExpected.get(intent) ?? 0;
      return {
        intent,
        expected,
        predicted,
        right,
        precision: ratio(rightAnswered.get(intent) ?? 0, predicted),
        recall: ratio(right, expected),
      };
    });
  const wrong = inScopeWrong + (outTotal - outAbstained);
  return {
    questions: lines.length,
    inScope: {
      total: inScopeTotal,
      correct: inScopeCorrect,
      accuracy: ratio(inScopeCorrect, inScopeTotal),
      clarified,
      wrong: inScopeWrong,
    },
    outOfScope: { total: outTotal, abstained: outAbstained, abstention: ratio(outAbstained, outTotal) },
    wrongAnswers: { count: wrong, rate: lines.length === 0 ? 0 : round(wrong / lines.length) },
    cases: { total: caseTotal, correct: caseCorrect, accuracy: ratio(caseCorrect, caseTotal) },
    caseOrder: { total: orderTotal, correct: orderCorrect, accuracy: ratio(orderCorrect, orderTotal) },
    secondQuestions: { total: alsoTotal, found: alsoFound, recall: ratio(alsoFound, alsoTotal) },
    perIntent,
    confusionTable: table,
    confusions,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : round(part / whole);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** What the scorer needs from a matcher's decision. */
export function predictionOf(result: {
  readonly intent: string | null;
  readonly cases: readonly string[];
  readonly signalled?: readonly string[];
  readonly confidence: number;
  readonly decision: string;
  readonly also?: readonly { readonly intent: string }[];
}): Prediction {
  return {
    intent: result.intent,
    cases: result.cases,
    ...(result.signalled === undefined ? {} : { signalled: result.signalled }),
    confidence: result.confidence,
    clarified: result.decision === 'clarify',
    ...(result.also === undefined ? {} : { also: result.also.map((ask) => ask.intent) }),
  };
}
