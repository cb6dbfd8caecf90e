import type { KnowledgeBase } from '../knowledge-base.js';

// The knowledge base's examples as embedding vectors: computed once per knowledge version and
// embedding model, kept in DATA_DIR/cache, and read by the nearest-examples signal.

/** Which texts are embedded, in order: every entry's title and examples, labelled with the entry. */
export function exampleTexts(kb: KnowledgeBase): { readonly intent: string; readonly text: string }[] {
  return kb.entries.flatMap((entry) => [
    { intent: entry.id, text: entry.title },
    ...entry.examples.map((text) => ({ intent: entry.id, text })),
  ]);
}

export interface ExampleVectors {
  /** The embedding model and the knowledge version (matchingFingerprint) they belong to. */
  readonly model: string;
  readonly fingerprint: string;
  readonly intents: readonly string[];
  /** Unit length, so a dot product is the cosine similarity. */
  readonly vectors: readonly (readonly number[])[];
}

export function unit(vector: readonly number[]): number[] {
  const length = Math.hypot(...vector);
  return length === 0 ? [...vector] : vector.map((value) => value / length);
}

/** The entry of the nearest examples: the best example's similarity per entry, best first. */
export function nearestEntries(
  examples: ExampleVectors,
  query: readonly number[],
): { readonly intent: string; readonly similarity: number }[] {
  const q = unit(query);
  const best = new Map<string, number>();
  examples.vectors.forEach((vector, i) => {
    if (vector.length !== q.length) return;
    let dot = 0;
    for (let d = 0; d < q.length; d++) dot += (vector[d] ?? 0) * (q[d] ?? 0);
    const intent = examples.intents[i] ?? '';
    if (dot > (best.get(intent) ?? Number.NEGATIVE_INFINITY)) best.set(intent, dot);
  });
  return [...best]
    .map(([intent, similarity]) => ({ intent, similarity }))
    .sort((a, b) => b.similarity - a.similarity);
}
