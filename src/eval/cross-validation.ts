import { OUT_OF_SCOPE } from '../core/match/faq-index.js';
import type { Matcher } from '../core/match/matcher.js';
import { type EvalReport, scoreEval } from './score.js';

/**
 * The knowledge base's examples as an evaluation: each one as it was predicted while its group of
 * paraphrases was held out of training (the fit's own cross-validation). Answered when the
 * calibrated confidence reaches the answer threshold; off-topic examples should not be answered.
 */
export function crossValidationReport(matcher: Matcher): EvalReport {
  const { heldOut, calibration } = matcher.model;
  return scoreEval(
    heldOut.map((item) => ({ text: item.text, intent: [item.label === OUT_OF_SCOPE ? null : item.label] })),
    heldOut.map((item) => ({
      intent: item.confidence >= calibration.answerAt ? item.best : null,
      cases: [],
      confidence: item.confidence,
      clarified: false,
    })),
  );
}
