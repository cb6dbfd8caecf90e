import type { Actor, Platform } from './types.js';

/** A chat identity, `platform:id`: how accounts are linked to the people asking. */
const IDENTITY = /^(console|discord|slack):[A-Za-z0-9._-]{1,64}$/;

export function isIdentity(value: string): boolean {
  return IDENTITY.test(value);
}

export const IDENTITY_EXAMPLES = 'discord:123456789012345678, slack:U0123ABC, console:faraz';

/** The actor behind an identity (`platform:id`), with the roles the caller knows of. */
export function actorFromIdentity(identity: string, roles: readonly string[] = []): Actor {
  const separator = identity.indexOf(':');
  return {
    platform: identity.slice(0, separator) as Platform,
    id: identity.slice(separator + 1),
    roles,
  };
}
