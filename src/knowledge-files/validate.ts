import { CONTRACT_INTENTS } from '../core/contract.js';
import type { FaqEntry, KnowledgeBase, PolicyNumber } from '../core/knowledge-base.js';
import { compileSignal } from '../core/match/signals.js';
import { RULES_NUMBERS } from '../core/rules/policy.js';
import { Analyzer } from '../core/text/analyzer.js';
import { normaliseText } from '../core/text/normalise.js';
import type { Problem } from './problem.js';
import type { FaqEntryFile, OutOfScopeFile, PolicyFile, SynonymsFile } from './schema.js';
import { countSentences } from './sentences.js';
import { fillNumbers } from './template.js';
import type { YamlFile } from './yaml-file.js';

const MIN_SENTENCES = 2;
const MAX_SENTENCES = 6;
const REFUND_ENTRY = 'refunds';

export interface KnowledgeFiles {
  readonly policy: YamlFile<PolicyFile>;
  readonly synonyms: YamlFile<SynonymsFile>;
  readonly outOfScope: YamlFile<OutOfScopeFile>;
  readonly faq: readonly YamlFile<FaqEntryFile>[];
}

/** Checks the rules that span files and builds the knowledge base; every problem is collected. */
export function validateKnowledge(files: KnowledgeFiles): {
  kb: KnowledgeBase;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const at = <T>(file: YamlFile<T>, path: (string | number)[], message: string, entry?: string): void => {
    const line = file.lineOf(path);
    problems.push({
      file: file.file,
      ...(line === undefined ? {} : { line }),
      ...(entry === undefined ? {} : { entry }),
      message,
    });
  };

  // Policy: facts and numbers.
  const { policy } = files;
  const facts = new Map<string, { id: string; title: string; text: string }>();
  const numbers: Record<string, PolicyNumber> = policy.value.numbers;
  for (const name of RULES_NUMBERS) {
    if (numbers[name] === undefined) {
      at(policy, ['numbers'], `policy number "${name}" is missing; the rules module needs it`, name);
    }
  }
  for (const [name, number] of Object.entries(numbers)) {
    if (!policy.value.facts.some((fact) => fact.id === number.fact)) {
      at(policy, ['numbers', name, 'fact'], `unknown fact id "${number.fact}"`, name);
    }
  }
  const fill = <T>(file: YamlFile<T>, path: (string | number)[], text: string, entry: string): string => {
    const filled = fillNumbers(text, numbers);
    for (const name of filled.unknown) at(file, path, `unknown policy number {{${name}}}`, entry);
    return filled.text;
  };
  policy.value.facts.forEach((fact, index) => {
    if (facts.has(fact.id)) at(policy, ['facts', index, 'id'], `duplicate fact id "${fact.id}"`, fact.id);
    facts.set(fact.id, {
      id: fact.id,
      title: fact.title,
      text: fill(policy, ['facts', index, 'text'], fact.text, fact.id),
    });
  });

  // Synonyms: each variant means one thing.
  const synonyms = new Map<string, string>();
  const { synonyms: synonymsFile } = files;
  for (const [canonical, variants] of Object.entries(synonymsFile.value.synonyms)) {
    const canonicalKey = canonical.toLowerCase();
    variants.forEach((variant, index) => {
      const key = normaliseText(variant);
      const previous = synonyms.get(key);
      if (previous !== undefined) {
        const what = previous === canonicalKey ? 'listed twice' : `already a variant of "${previous}"`;
        at(synonymsFile, ['synonyms', canonical, index], `variant "${variant}" is ${what}`, canonical);
      } else if (key !== canonicalKey) {
        synonyms.set(key, canonicalKey);
      }
    });
  }
  for (const canonical of Object.keys(synonymsFile.value.synonyms)) {
    const other = synonyms.get(canonical.toLowerCase());
    if (other !== undefined) {
      at(
        synonymsFile,
        ['synonyms', canonical],
        `"${canonical}" is both a canonical word and a variant of "${other}"`,
        canonical,
      );
    }
  }
  const misspellings = new Map(Object.entries(synonymsFile.value.misspellings));
  const analyzer = new Analyzer({ synonyms, misspellings });

  // FAQ entries.
  const entries: FaqEntry[] = [];
  const entryFiles = new Map<string, YamlFile<FaqEntryFile>>();
  for (const file of files.faq) {
    const raw = file.value;
    const expectedName = `${raw.id}.yaml`;
    if (!file.file.endsWith(`/${expectedName}`))
      at(file, ['id'], `file should be named ${expectedName}`, raw.id);
    if (entryFiles.has(raw.id)) {
      at(file, ['id'], `duplicate entry id (also in ${entryFiles.get(raw.id)?.file})`, raw.id);
      continue;
    }
    entryFiles.set(raw.id, file);
    raw.facts.forEach((factId, index) => {
      if (!facts.has(factId)) at(file, ['facts', index], `unknown fact id "${factId}"`, raw.id);
    });
    const answer = fill(file, ['answer'], raw.answer, raw.id);
    const sentences = countSentences(answer);
    if (sentences < MIN_SENTENCES || sentences > MAX_SENTENCES) {
      at(
        file,
        ['answer'],
        `answer has ${sentences} sentences; write ${MIN_SENTENCES} to ${MAX_SENTENCES}`,
        raw.id,
      );
    }
    const seenCases = new Set<string>();
    const parts = raw.parts.map((part, index) => {
      if (!facts.has(part.case)) at(file, ['parts', index, 'case'], `unknown fact id "${part.case}"`, raw.id);
      if (seenCases.has(part.case))
        at(file, ['parts', index, 'case'], `case "${part.case}" has two parts`, raw.id);
      seenCases.add(part.case);
      part.signals.forEach((signal, signalIndex) => {
        const compiled = compileSignal(part.case, signal, analyzer);
        if (typeof compiled === 'string')
          at(file, ['parts', index, 'signals', signalIndex], compiled, raw.id);
      });
      return {
        caseId: part.case,
        text: fill(file, ['parts', index, 'text'], part.text, raw.id),
        signals: part.signals,
        examples: part.examples,
      };
    });
    entries.push({
      id: raw.id,
      title: raw.title,
      answer,
      facts: raw.facts,
      keywords: raw.keywords,
      examples: raw.examples,
      followups: raw.followups,
      parts,
    });
  }

  for (const entry of entries) {
    const file = entryFiles.get(entry.id) as YamlFile<FaqEntryFile>;
    entry.followups.forEach((followup, index) => {
      if (followup === entry.id)
        at(file, ['followups', index], 'an entry cannot follow up on itself', entry.id);
      else if (!entryFiles.has(followup))
        at(file, ['followups', index], `unknown intent "${followup}"`, entry.id);
    });
  }
  for (const intent of CONTRACT_INTENTS) {
    if (!entryFiles.has(intent)) {
      problems.push({
        file: 'faq/',
        entry: intent,
        message: `missing contract intent "${intent}" (docs/contract.md section 1)`,
      });
    }
  }
  const refunds = entries.find((entry) => entry.id === REFUND_ENTRY);
  if (refunds !== undefined) {
    const file = entryFiles.get(REFUND_ENTRY) as YamlFile<FaqEntryFile>;
    for (const factId of facts.keys()) {
      if (factId.startsWith('refund.') && !refunds.parts.some((part) => part.caseId === factId)) {
        at(file, ['parts'], `refund case "${factId}" has no part`, REFUND_ENTRY);
      }
    }
  }

  // Examples: a question may teach one intent only.
  const examplesSeen = new Map<string, string>();
  const checkExample = <T>(
    file: YamlFile<T>,
    path: (string | number)[],
    example: string,
    owner: string,
  ): void => {
    const key = analyzer.canonical(example).join(' ');
    const previous = examplesSeen.get(key);
    if (previous !== undefined) {
      const where = previous === owner ? 'in this entry' : `in ${previous}`;
      at(file, path, `duplicate example "${example}" (already ${where})`, owner);
    } else {
      examplesSeen.set(key, owner);
    }
  };
  for (const entry of entries) {
    const file = entryFiles.get(entry.id) as YamlFile<FaqEntryFile>;
    for (const [index, example] of entry.examples.entries()) {
      checkExample(file, ['examples', index], example, entry.id);
    }
    for (const [partIndex, part] of entry.parts.entries()) {
      for (const [index, example] of part.examples.entries()) {
        checkExample(file, ['parts', partIndex, 'examples', index], example, `${entry.id} (${part.caseId})`);
      }
    }
  }
  for (const [index, example] of files.outOfScope.value.examples.entries()) {
    checkExample(files.outOfScope, ['examples', index], example, 'out-of-scope');
  }

  return {
    kb: { facts, numbers, entries, synonyms, misspellings, outOfScope: files.outOfScope.value.examples },
    problems,
  };
}
