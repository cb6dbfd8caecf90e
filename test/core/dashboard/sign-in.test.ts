import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DashboardSignIn, LINK_MS, SESSION_MS } from '../../../src/core/dashboard/sign-in.js';
import { MemoryStateStore } from '../../../src/store/memory/state-store.js';

// Sign-in links and sessions: signed with the secret, each for its own purpose, a link once.

const NOW = new Date('2026-11-27T12:00:00Z');
const MODERATOR = { platform: 'slack' as const, id: 'U0MOD', roles: [], displayName: 'Mo' };

describe('DashboardSignIn', () => {
  it('opens one session per link, carrying the moderator, for twelve hours', async () => {
    const signIn = new DashboardSignIn(randomBytes(32), new MemoryStateStore());
    const { token, expires } = signIn.issueLink(MODERATOR, NOW);
    expect(expires.getTime() - NOW.getTime()).toBe(LINK_MS);
    const session = await signIn.redeem(token, NOW);
    expect(session).toMatchObject({ actor: MODERATOR, expires: NOW.getTime() + SESSION_MS });
    expect(await signIn.redeem(token, NOW)).toBe('used');
    if (typeof session === 'string') throw new Error(session);
    const cookie = signIn.cookieFor(session);
    expect(signIn.sessionFrom(cookie, NOW)).toEqual(session);
    expect(signIn.sessionFrom(cookie, new Date(session.expires))).toBeUndefined();
  });

  it("refuses a late link, another secret's, and a value signed for another purpose", async () => {
    const state = new MemoryStateStore();
    const signIn = new DashboardSignIn(randomBytes(32), state);
    const other = new DashboardSignIn(randomBytes(32), state);
    const { token } = signIn.issueLink(MODERATOR, NOW);
    expect(await signIn.redeem(token, new Date(NOW.getTime() + LINK_MS))).toBe('expired');
    expect(await other.redeem(other.issueLink(MODERATOR, NOW).token.replace(/\..*/, '.x'), NOW)).toBe(
      'invalid',
    );
    expect(await signIn.redeem(other.issueLink(MODERATOR, NOW).token, NOW)).toBe('invalid');
    // A link is not a session cookie, though both are signed with the same secret.
    expect(signIn.sessionFrom(token, NOW)).toBeUndefined();
  });

  it('binds the CSRF token to the session', async () => {
    const signIn = new DashboardSignIn(randomBytes(32), new MemoryStateStore());
    const first = await signIn.redeem(signIn.issueLink(MODERATOR, NOW).token, NOW);
    const second = await signIn.redeem(signIn.issueLink(MODERATOR, NOW).token, NOW);
    if (typeof first === 'string' || typeof second === 'string') throw new Error('not signed in');
    expect(signIn.csrfMatches(first, signIn.csrfToken(first))).toBe(true);
    expect(signIn.csrfMatches(first, signIn.csrfToken(second))).toBe(false);
    expect(signIn.csrfMatches(first, undefined)).toBe(false);
    expect(signIn.csrfMatches(first, '')).toBe(false);
  });
});
