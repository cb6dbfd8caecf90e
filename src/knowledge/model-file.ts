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
    const saved = JSON.parse(readFileSync(join(cacheDir, MODEL_FILE), 'utf8')) as SavedModel;
    return saved.fingerprint === fingerprint ? saved : undefined;
  } catch {
    return undefined;
  }
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
