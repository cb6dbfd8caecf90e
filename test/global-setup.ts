import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Matcher } from '../src/core/match/matcher.js';
import { loadKnowledge } from '../src/knowledge-files/load.js';
import { writeCachedModel } from '../src/knowledge-files/model-file.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

// `npm test` fits the matcher to knowledge/ as it is now, once, before any test runs (a moderator's
// new example never leaves the tests on an old fit), and every test restores that fit from the
// cache instead of fitting it again.

declare module 'vitest' {
  export interface ProvidedContext {
    /** A cache folder holding model.json fitted to the repository's knowledge/. */
    modelCacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const loaded = loadKnowledge(KNOWLEDGE_DIR);
  if (loaded.kb === undefined) throw new Error('knowledge/ does not load: run helpbot knowledge check');
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-test-model-'));
  if (!writeCachedModel(dir, new Matcher(loaded.kb).save()))
    throw new Error(`cannot write the model to ${dir}`);
  project.provide('modelCacheDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
