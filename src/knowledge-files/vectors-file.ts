import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExampleVectors } from '../core/language/example-vectors.js';
import { writeFileAtomic } from './atomic-write.js';

// The knowledge examples' embedding vectors, kept beside the fitted model: one file, reused across
// restarts while the knowledge base and the embedding model are the same.

const VECTORS_FILE = 'example-vectors.json';

export function readCachedVectors(
  cacheDir: string,
  model: string,
  fingerprint: string,
): ExampleVectors | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(cacheDir, VECTORS_FILE), 'utf8')) as Partial<ExampleVectors>;
    const fits =
      saved.model === model &&
      saved.fingerprint === fingerprint &&
      Array.isArray(saved.intents) &&
      Array.isArray(saved.vectors) &&
      saved.intents.length === saved.vectors.length &&
      saved.vectors.every(
        (vector) => Array.isArray(vector) && vector.every((value) => typeof value === 'number'),
      );
    return fits ? (saved as ExampleVectors) : undefined;
  } catch {
    // Missing or damaged: computed again.
    return undefined;
  }
}

export function writeCachedVectors(cacheDir: string, vectors: ExampleVectors): boolean {
  try {
    writeFileAtomic(join(cacheDir, VECTORS_FILE), JSON.stringify(vectors));
    return true;
  } catch {
    return false;
  }
}
