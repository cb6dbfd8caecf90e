import { z } from 'zod';
import type { StateStore } from '../core/state/store.js';

/** A value in the store is not what this version wrote there (damage, or another program's data). */
export class StateShapeError extends Error {
  override readonly name = 'StateShapeError';
}

/** The store cannot be used: unreachable, damaged, or holding values of the wrong shape. One line. */
export class StateStoreError extends Error {
  override readonly name = 'StateStoreError';
}

/** A state store that can be checked before the bot relies on it. */
export interface CheckableStateStore extends StateStore {
  /** Reads every list a running bot relies on; rejects on a store it cannot reach or a damaged value. */
  verify(): Promise<void>;
}

const text = z.string();
const SHAPES = {
  taught: [z.object({ intent: text, text, by: text, at: text }), 'a list of taught examples'],
  notices: [z.object({ intent: text, text, until: text, by: text, at: text }), 'a list of notices'],
} as const;

/**
 * The stored JSON of one item of a list the bot relies on at start-up, parsed and checked; a
 * StateShapeError naming the list when it is not what this version writes.
 */
export function shapedItem<K extends keyof typeof SHAPES>(
  list: K,
  json: string,
): z.infer<(typeof SHAPES)[K][0]> {
  const [schema, what] = SHAPES[list];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StateShapeError(`the stored "${list}" is not ${what}`);
  return parsed.data as z.infer<(typeof SHAPES)[K][0]>;
}
