import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedModel } from '../core/match/model.js';
import { writeFileAtomic } from './atomic-write.js';

// The fitted matcher is derived from knowledge/, never edited by hand: it is fitted when the
// knowledge base changes (a second or two) and kept in DATA_DIR/cache, so every later start with
// the same knowledge loads it in milliseconds. A moderator who adds an example changes nothing else.

const MODEL_FILE = 'model.json';

/** The saved model when it was fitted to this very knowledge base; otherwise undefined. */
export function readCachedModel(cacheDir: string, fingerprint: string): SavedModel | undefined {
  try {
    const saved: unknown = JSON.parse(readFileSync(join(cacheDir, MODEL_FILE), 'utf8'));
    return looksLikeSavedModel(saved) && saved.fingerprint === fingerprint ? saved : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The saved model's outline, checked field by field without walking its megabytes: a file of the
 * right fingerprint but another shape (damaged, hand-edited) is refitted, never half-restored.
 * Anything deeper that is wrong makes restoring throw, and the help desk refits then too.
 */
function looksLikeSavedModel(value: unknown): value is SavedModel {
  if (!isObject(value)) return false;
  const { classifier, calibration } = value;
  return (
    typeof value.fingerprint === 'string' &&
    typeof value.method === 'string' &&
    Array.isArray(value.vocabulary) &&
    Array.isArray(value.documents) &&
    Array.isArray(value.heldOut) &&
    isObject(value.cases) &&
    isObject(value.crossValidation) &&
    isObject(classifier) &&
    Array.isArray(classifier.labels) &&
    typeof classifier.features === 'string' &&
    typeof classifier.weights === 'string' &&
    Array.isArray(classifier.bias) &&
    isObject(calibration) &&
    isObject(calibration.weights) &&
    typeof calibration.bias === 'number' &&
    typeof calibration.answerAt === 'number' &&
    typeof calibration.clarifyAt === 'number'
  );
}

/** Saves a fitted model; a read-only or full disk only costs the next start its speed. */
export function writeCachedModel(cacheDir: string, saved: SavedModel): boolean {
  try {
    writeFileAtomic(join(cacheDir, MODEL_FILE), JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}
