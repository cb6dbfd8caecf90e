import type { Actor } from '../types.js';

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
 * May this actor take moderator actions? Every action needs a moderator; a finer rule (say,
 * lookups for support staff) would take the action as well, and change this one place.
 */
export function can(actor: Actor, directory: ModeratorDirectory): boolean {
  return isModerator(actor, directory);
}
