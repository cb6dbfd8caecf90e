import type { KnowledgeBase } from '../knowledge-base.js';
import type { Analyzer } from '../text/analyzer.js';
import {
  fitMatchingModel,
  type MatchingModel,
  type MethodOptions,
  restoreModel,
  type SavedModel,
  savedModelFits,
} from './model.js';

// Fitting takes a few seconds; restoring a saved fit, milliseconds. A process that builds several
// matchers over one knowledge base (the account scenarios' second help desk, a test file) fits or
// restores once and shares the model: matchers only read it.
const models = new Map<string, MatchingModel>();

export function modelFor(
  kb: Pick<KnowledgeBase, 'entries' | 'outOfScope'>,
  analyzer: Analyzer,
  method: MethodOptions,
  fingerprint: string,
  saved: SavedModel | undefined,
): { readonly model: MatchingModel; readonly fitted: boolean } {
  const key = `${fingerprint} ${JSON.stringify(method)}`;
  if (saved !== undefined && savedModelFits(saved, fingerprint, method)) {
    const model = restoreModel(saved, kb, analyzer);
    models.set(key, model);
    return { model, fitted: false };
  }
  const known = models.get(key);
  if (known !== undefined) return { model: known, fitted: false };
  const model = fitMatchingModel(kb, analyzer, method);
  models.set(key, model);
  return { model, fitted: true };
}
