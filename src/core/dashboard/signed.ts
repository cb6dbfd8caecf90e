import { createHmac, timingSafeEqual } from 'node:crypto';

// A value the dashboard hands out and later reads back (a sign-in link, a session cookie), signed
// so that nobody can make or change one without the secret: `payload.signature`, both base64url.
// `purpose` goes into the signature, so a value made for one use is refused for another.

export function sign(secret: Buffer, purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${signature(secret, purpose, body)}`;
}

/** The payload, or undefined when the value was not made with this secret for this purpose. */
export function verify(secret: Buffer, purpose: string, value: string): unknown {
  const dot = value.indexOf('.');
  if (dot <= 0 || dot !== value.lastIndexOf('.')) return undefined;
  const body = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = Buffer.from(signature(secret, purpose, body), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function signature(secret: Buffer, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${body}`).digest('base64url');
}
