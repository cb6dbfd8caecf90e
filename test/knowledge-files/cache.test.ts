import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  knowledgeSourceKey,
  readCachedKnowledge,
  writeCachedKnowledge,
} from '../../src/knowledge-files/cache.js';
import { loadKnowledge } from '../../src/knowledge-files/load.js';
import { KNOWLEDGE_DIR } from '../helpers/knowledge.js';
import { tempDir } from '../helpers/ledger.js';

describe('the validated knowledge base saved in DATA_DIR/cache', () => {
  const key = knowledgeSourceKey(KNOWLEDGE_DIR) as string;
  const loaded = loadKnowledge(KNOWLEDGE_DIR);

  function cacheWith(change: (saved: Record<string, unknown>) => unknown): string {
    const dir = tempDir();
    writeCachedKnowledge(dir, key, loaded);
    const file = join(dir, 'knowledge.json');
    writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8')))));
    return dir;
  }

  it('gives back the same knowledge base under the same key', () => {
    const restored = readCachedKnowledge(
      cacheWith((saved) => saved),
      key,
    );
    expect(restored?.kb?.entries).toEqual(loaded.kb?.entries);
    expect(restored?.kb?.synonyms).toEqual(loaded.kb?.synonyms);
  });

  it('reads knowledge/ again when a save of the right key has another shape', () => {
    const withKb = (kb: Record<string, unknown>) => (saved: Record<string, unknown>) => ({
      ...saved,
      kb: { ...(saved.kb as Record<string, unknown>), ...kb },
    });
    for (const change of [
      withKb({ entries: { oops: 1 } }),
      withKb({ synonyms: 'coins=connects' }),
      withKb({ outOfScope: [1, 2] }),
      (saved: Record<string, unknown>) => ({ ...saved, warnings: null }),
    ]) {
      expect(readCachedKnowledge(cacheWith(change), key)).toBeUndefined();
    }
  });
});
