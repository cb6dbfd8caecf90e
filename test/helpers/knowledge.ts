import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { loadKnowledge } from '../../src/knowledge-files/load.js';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

let cached: KnowledgeBase | undefined;

/** The real knowledge base, loaded once per test file. */
export function realKnowledge(): KnowledgeBase {
  if (cached === undefined) {
    const loaded = loadKnowledge(KNOWLEDGE_DIR);
    if (loaded.kb === undefined)
      throw new Error(`knowledge/ does not load: ${JSON.stringify(loaded.problems)}`);
    cached = loaded.kb;
  }
  return cached;
}

/**
 * A fresh DATA_DIR whose cache already holds the matcher fitted to knowledge/ (by global-setup.ts),
 * for a real `helpbot` process: it starts in milliseconds instead of fitting first.
 */
export function dataDirWithModel(): string {
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-data-'));
  mkdirSync(join(dir, 'cache'));
  copyFileSync(join(inject('modelCacheDir'), 'model.json'), join(dir, 'cache', 'model.json'));
  return dir;
}

/** A scratch copy of knowledge/ to break on purpose. */
export function knowledgeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-knowledge-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

export function editFile(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit changed nothing in ${path}`);
  writeFileSync(path, after);
}
