import { en } from './messages/en.js';
import type { StateStore } from './state/store.js';
import { type Actor, identityOf } from './types.js';

// The guards every platform applies before answering (docs/architecture.md, step 1): a channel a
// moderator muted, and a member asking again too soon. Decided here so both adapters agree.

/** Whether automatic replies are off in a channel now (`mutedUntil` a time, or "forever"). */
export async function isMuted(state: StateStore, channelId: string, now: Date): Promise<boolean> {
  const { mutedUntil } = await state.channelSettings(channelId);
  if (mutedUntil === undefined) return false;
  return mutedUntil === 'forever' || Date.parse(mutedUntil) > now.getTime();
}

/** The note for a member who asked again within `ms`, or null when they may ask (the cooldown starts). */
export async function cooldownNote(
  state: StateStore,
  actor: Actor,
  ms: number,
  now: Date,
): Promise<string | null> {
  const left = await state.cooldown(identityOf(actor), ms, now);
  return left === 0 ? null : en.cooldown(Math.ceil(left / 1000));
}
