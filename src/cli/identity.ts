import { userInfo } from 'node:os';

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
