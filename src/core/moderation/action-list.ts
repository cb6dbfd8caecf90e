import type { CommandOf } from './action.js';
import { adjust } from './actions/adjust.js';
import { audit } from './actions/audit.js';
import { dashboard } from './actions/dashboard.js';
import { dismiss } from './actions/dismiss.js';
import { grant } from './actions/grant.js';
import { lookup } from './actions/lookup.js';
import { mute } from './actions/mute.js';
import { notice } from './actions/notice.js';
import { outcome } from './actions/outcome.js';
import { preview } from './actions/preview.js';
import { stats } from './actions/stats.js';
import { teach } from './actions/teach.js';
import { unanswered } from './actions/unanswered.js';
import { unmute } from './actions/unmute.js';
import { unnotice } from './actions/unnotice.js';

/**
 * Every moderator action, in the order platforms list them (`/connects-mod`, `/mod`). A new action
 * is a file in actions/ and a line here; every platform offers it from this list.
 */
export const MODERATOR_ACTIONS = [
  teach,
  dismiss,
  notice,
  unnotice,
  grant,
  adjust,
  outcome,
  lookup,
  mute,
  unmute,
  unanswered,
  stats,
  audit,
  preview,
  dashboard,
] as const;

/** A moderator's command: one action's name and its arguments, whatever platform it came from. */
export type ModCommand = CommandOf<(typeof MODERATOR_ACTIONS)[number]>;

export type ModActionName = ModCommand['action'];

export const MOD_ACTIONS: readonly ModActionName[] = MODERATOR_ACTIONS.map((action) => action.name);
