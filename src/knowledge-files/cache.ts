import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KnowledgeBase, PolicyFact } from '../core/knowledge-base.js';
import { writeFileAtomic } from './atomic-write.js';
import type { KnowledgeLoad } from './load.js';
import type { Problem } from './problem.js';

// Validating knowledge/ means parsing YAML and running every check: about 200 ms, most of a
// command's start-up. A validated knowledge base is saved under DATA_DIR keyed by a hash of every
// knowledge file, so the next start with the same files skips both the YAML parser and the checks.

/** Bump when the saved shape or the validation rules change, so older saves are not trusted. */
const CACHE_FORMAT = 1;
const CACHE_FILE = 'knowledge.json';

interface Saved {
  readonly key: string;
  readonly kb: Omit<KnowledgeBase, 'facts' | 'synonyms' | 'misspellings'> & {
    readonly facts: [string, PolicyFact][];
    readonly synonyms: [string, string][];
    readonly misspellings: [string, string][];
  };
  readonly warnings: readonly Problem[];
}

// The saved shape, checked on every read: a file with the right key but another shape (damaged,
// hand-edited, written by a buggy version) is read again from knowledge/, never trusted.
const text = z.string();
const texts = z.array(text);
const savedSchema = z.looseObject({
  key: text,
  kb: z.looseObject({
    facts: z.array(z.tuple([text, z.looseObject({ id: text, title: text, text })])),
    numbers: z.record(text, z.looseObject({ value: z.number(), fact: text, unit: text })),
    entries: z.array(
      z.looseObject({
        id: text,
        title: text,
        answer: text,
        facts: texts,
        keywords: texts,
        examples: texts,
        followups: texts,
        parts: z.array(z.looseObject({ caseId: text, text, signals: texts, examples: texts })),
      }),
    ),
    synonyms: z.array(z.tuple([text, text])),
    misspellings: z.array(z.tuple([text, text])),
    outOfScope: texts,
  }),
  warnings: z.array(z.looseObject({ file: text, message: text })),
});

/** A hash of every file the knowledge base is read from, names included. */
export function knowledgeSourceKey(dir: string): string | undefined {
  try {
    const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\u0000`);
    const faq = readdirSync(join(dir, 'faq'))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join('faq', name));
    for (const name of ['policy.yaml', 'synonyms.yaml', 'out-of-scope.yaml', ...faq]) {
      hash.update(name).update('\u0000');
      try {
        hash.update(readFileSync(join(dir, name)));
      } catch {
        hash.update('(missing)');
      }
      hash.update('\u0000');
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

export function readCachedKnowledge(cacheDir: string, key: string): KnowledgeLoad | undefined {
  try {
    const parsed = savedSchema.safeParse(JSON.parse(readFileSync(join(cacheDir, CACHE_FILE), 'utf8')));
    if (!parsed.success || parsed.data.key !== key) return undefined;
    const saved = parsed.data as unknown as Saved;
    const kb: KnowledgeBase = {
      ...saved.kb,
      facts: new Map(saved.kb.facts),
      synonyms: new Map(saved.kb.synonyms),
      misspellings: new Map(saved.kb.misspellings),
    };
    return { kb, problems: [], warnings: saved.warnings };
  } catch {
    return undefined;
  }
}

/** Saves a valid knowledge base; a read-only or full disk only costs the next start its speed. */
export function writeCachedKnowledge(cacheDir: string, key: string, load: KnowledgeLoad): void {
  if (load.kb === undefined || load.problems.length > 0) return;
  const saved: Saved = {
    key,
    kb: {
      ...load.kb,
      facts: [...load.kb.facts],
      synonyms: [...load.kb.synonyms],
      misspellings: [...load.kb.misspellings],
    },
    warnings: load.warnings,
  };
  try {
    writeFileAtomic(join(cacheDir, CACHE_FILE), JSON.stringify(saved));
  } catch {
    // Not worth failing a command over: the knowledge base was valid, only the shortcut is lost.
  }
}
