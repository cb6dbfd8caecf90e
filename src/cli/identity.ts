import { userInfo } from 'node:os';
import type { Actor, Platform } from '../core/types.js';

/** The terminal user's identity: `console:` + the OS user name. */
export function consoleIdentity(env: Readonly<Record<string, string | undefined>>): string {
  let name = env.USER ?? env.USERNAME;
  if (name === undefined || name === '') {
    try {
      name = userInfo().username;
    } catch {
      name = 'me';
    }
  }
  return `console:${name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'me'}`;
}

export function actorFromIdentity(identity: string, roles: readonly string[] = []): Actor {
  const separator = identity.indexOf(':');
  return {
    platform: identity.slice(0, separator) as Platform,
    id: identity.slice(separator + 1),
    roles,
  };
}
