import type { Actor } from '../types.js';
import type { ModAction } from './commands.js';

// Who is a moderator is decided here, for every moderator action, whatever a platform's own
// permission settings say: those are only a first gate that hides the commands.

export interface ModeratorDirectory {
  /** Discord: members with any of these roles. */
  readonly discordRoleIds: readonly string[];
  /** Slack: these user ids. */
  readonly slackUserIds: readonly string[];
}

/** The role the terminal chat gives its user when started with `--moderator`. */
export const CONSOLE_MODERATOR_ROLE = 'moderator';

export function isModerator(actor: Actor, directory: ModeratorDirectory): boolean {
  if (actor.isBot) return false;
  switch (actor.platform) {
    case 'discord':
      return actor.roles.some((role) => directory.discordRoleIds.includes(role));
    case 'slack':
      return directory.slackUserIds.includes(actor.id);
    case 'console':
      return actor.roles.includes(CONSOLE_MODERATOR_ROLE);
  }
}

/**
 * May this actor take this moderator action? Today every action needs a moderator; the action is
 * part of the question so a finer rule (say, lookups for support staff) changes this one place.
 */
export function can(actor: Actor, _action: ModAction, directory: ModeratorDirectory): boolean {
  return isModerator(actor, directory);
}
