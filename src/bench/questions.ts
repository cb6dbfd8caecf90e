import type { KnowledgeBase } from '../core/knowledge-base.js';
import { seeded } from '../core/match/softmax.js';

/** Random numbers and picks from a fixed seed: the same seed, the same texts, comparable runs. */
function seededChoices(seed: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  const random = seeded(seed);
  return { random, pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T };
}

/**
 * A deterministic stream of realistic questions for timing: knowledge-base examples with typos,
 * dropped words and chat noise added, mixed with off-topic lines. Seeded, so runs compare.
 */
export function benchmarkQuestions(kb: KnowledgeBase, count: number, seed = 42): string[] {
  const { random, pick } = seededChoices(seed);
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

/**
 * Posts of 1,900 to 2,000 characters, the longest the bot reads: a member's long post (a knowledge
 * base example of several sentences) padded with sentences of other posts, typos included.
 */
export function benchmarkLongPosts(kb: KnowledgeBase, count: number, seed = 7): string[] {
  const { random, pick } = seededChoices(seed);
  const texts = [...kb.entries.flatMap((entry) => entry.examples), ...kb.outOfScope];
  const long = texts.filter((text) => text.length >= 400);
  const sentences = texts.flatMap((text) => text.split(/(?<=[.?!])\s+/)).filter((text) => text.length > 20);
  const posts: string[] = [];
  for (let i = 0; i < count; i++) {
    let post = pick(long);
    while (post.length < 1900) {
      const next = pick(sentences);
      if (post.length + next.length + 1 > 2000) break;
      post += random() < 0.3 ? `\n\n${next}` : ` ${next}`;
    }
    posts.push(post);
  }
  return posts;
}
