import type { GuildMember, User } from 'discord.js';
import type { Actor } from '../../core/types.js';

/** A Discord user (and their member roles in the guild) as the core's actor. */
export function actorOf(
  user: User,
  member: GuildMember | { roles: readonly string[] } | null | undefined,
): Actor {
  const roles =
    member === null || member === undefined
      ? []
      : 'cache' in member.roles
        ? [...member.roles.cache.keys()]
        : [...member.roles];
  return {
    platform: 'discord',
    id: user.id,
    displayName: user.globalName ?? user.username,
    roles,
    ...(user.bot ? { isBot: true } : {}),
  };
}
