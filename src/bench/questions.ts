import type { KnowledgeBase } from '../core/knowledge.js';

/**
 * A deterministic stream of realistic questions for timing: knowledge-base examples with typos,
 * dropped words and chat noise added, mixed with off-topic lines. Seeded, so runs compare.
 */
export function benchmarkQuestions(kb: KnowledgeBase, count: number, seed = 42): string[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sources = [...kb.entries.flatMap((entry) => entry.examples), ...kb.outOfScope];
  const noise = ['', ' pls', ' help!!', ' <@123456789012345678>', ' 🙏', ' asap', ' thanks in advance'];
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = pick(sources).split(' ');
    const mutated = words
      .filter(() => random() > 0.1)
      .map((word) => {
        if (word.length < 5 || random() > 0.15) return word;
        const at = 1 + Math.floor(random() * (word.length - 2));
        return word.slice(0, at) + word.slice(at + 1);
      });
    questions.push(`${mutated.join(' ')}${pick(noise)}`);
  }
  return questions;
}
