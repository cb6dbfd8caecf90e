import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { Problem } from './problem.js';
import { faqEntrySchema, outOfScopeFileSchema, policyFileSchema, synonymsFileSchema } from './schema.js';
import { validateKnowledge } from './validate.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

export interface KnowledgeLoad {
  /** Absent when any problem stops the knowledge base from being used. */
  readonly kb?: KnowledgeBase;
  /** Fatal: the bot must not run on this knowledge base. */
  readonly problems: readonly Problem[];
  /** Worth fixing before merging, not worth refusing to start over (the folder's list style). */
  readonly warnings: readonly Problem[];
}

/** Reads and validates knowledge/; every problem in every file is reported at once. */
export function loadKnowledge(dir: string): KnowledgeLoad {
  const problems: Problem[] = [];
  const take = <T>(loaded: { ok: true; value: YamlFile<T> } | { ok: false; problems: Problem[] }) => {
    if (loaded.ok) return loaded.value;
    problems.push(...loaded.problems);
    return undefined;
  };
  const policy = take(readYamlFile(join(dir, 'policy.yaml'), 'policy.yaml', policyFileSchema));
  const synonyms = take(readYamlFile(join(dir, 'synonyms.yaml'), 'synonyms.yaml', synonymsFileSchema));
  const outOfScope = take(
    readYamlFile(join(dir, 'out-of-scope.yaml'), 'out-of-scope.yaml', outOfScopeFileSchema),
  );
  let faqNames: string[] = [];
  try {
    faqNames = readdirSync(join(dir, 'faq'))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch {
    problems.push({ file: 'faq/', message: 'folder is missing' });
  }
  const faq = faqNames
    .map((name) => take(readYamlFile(join(dir, 'faq', name), `faq/${name}`, faqEntrySchema)))
    .filter((file) => file !== undefined);

  if (policy === undefined || synonyms === undefined || outOfScope === undefined || problems.length > 0) {
    return { problems, warnings: [] };
  }
  const validated = validateKnowledge({ policy, synonyms, outOfScope, faq });
  problems.push(...validated.problems);
  if (problems.length > 0) return { problems, warnings: [] };

  const style = [policy, synonyms, outOfScope, ...faq].flatMap((file) => file.style);
  return { kb: validated.kb, problems, warnings: style };
}
