/** A chat identity, `platform:id`: how accounts are linked to the people asking. */
const IDENTITY = /^(console|discord|slack):[A-Za-z0-9._-]{1,64}$/;

export function isIdentity(value: string): boolean {
  return IDENTITY.test(value);
}

export const IDENTITY_EXAMPLES = 'discord:123456789012345678, slack:U0123ABC, console:faraz';
