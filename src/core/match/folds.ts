import { createHash } from 'node:crypto';

// Cross-validation that an unseen question would recognise: paraphrases of one sentence ("why no
// refund for my connects" / "why no refund of connects") are one group, and a group is always on
// one side of a split. Otherwise a held-out example meets its twin in training, and the figures
// (and the confidence fitted on them) promise more than the bot does on new posts.

/** Two texts of one label whose meaningful words overlap at least this much are paraphrases. */
export const PARAPHRASE_OVERLAP = 0.5;

export interface Groupable {
  readonly label: string;
  readonly terms: readonly string[];
  /** The text as written: what the fold is drawn from, so the split does not depend on order. */
  readonly text: string;
}

/** A group number per item: items of one label that are paraphrases (transitively) share it. */
export function paraphraseGroups(items: readonly Groupable[]): number[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const sets = items.map((item) => new Set(item.terms));
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => {
    byLabel.set(item.label, [...(byLabel.get(item.label) ?? []), i]);
  });
  for (const members of byLabel.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a] as number;
        const j = members[b] as number;
        if (overlap(sets[i] as Set<string>, sets[j] as Set<string>) >= PARAPHRASE_OVERLAP) {
          parent[find(i)] = find(j);
        }
      }
    }
  }
  return items.map((_, i) => find(i));
}

/** Jaccard overlap of two sets of words. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * A fold (0 … folds-1) per item, whole groups at a time. Groups are dealt out per label in the
 * order of a hash of their texts, so every fold holds a share of every label, and adding one
 * example moves few others.
 */
export function groupedFolds(items: readonly Groupable[], folds: number): number[] {
  const groups = paraphraseGroups(items);
  const members = new Map<number, number[]>();
  groups.forEach((group, i) => {
    members.set(group, [...(members.get(group) ?? []), i]);
  });
  const byLabel = new Map<string, { key: string; items: number[] }[]>();
  for (const indices of members.values()) {
    const label = (items[indices[0] as number] as Groupable).label;
    const key = hash(indices.map((i) => (items[i] as Groupable).text).join('\n'));
    byLabel.set(label, [...(byLabel.get(label) ?? []), { key, items: indices }]);
  }
  const fold = new Array<number>(items.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const labelGroups = (byLabel.get(label) ?? []).sort((a, b) => a.key.localeCompare(b.key));
    labelGroups.forEach((group, g) => {
      for (const i of group.items) fold[i] = (offset + g) % folds;
    });
    // The next label starts where this one stopped, so small labels do not all crowd fold 0.
    offset = (offset + labelGroups.length) % folds;
  }
  return fold;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
