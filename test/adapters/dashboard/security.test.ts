import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_MS, SESSION_MS } from '../../../src/core/dashboard/sign-in.js';
import {
  type DashboardHarness,
  HOSTILE_QUESTION,
  MEMBER,
  MODERATOR,
  NOW,
  startDashboardHarness,
} from './harness.js';

// What must be refused or inert on the dashboard, over HTTP as a browser or an attacker sends it:
// links used twice or late, links nobody issued, forged cookies, forms without their CSRF token or
// from another site, and members' words that look like markup.

let h: DashboardHarness;

beforeAll(async () => {
  h = await startDashboardHarness();
});
afterAll(async () => h.close());

const tokenOf = (url: string | undefined) => new URL(url ?? '').searchParams.get('token') ?? '';

/** Spends a sign-in link's token, as the page's button does. */
const spend = (token: string) => h.app.inject({ method: 'POST', url: '/signin', payload: { token } });

/** Signs in with a fresh link for the moderator; the session cookie and a page's CSRF token. */
async function signedIn(): Promise<{ cookie: string; csrf: string }> {
  h.now = NOW;
  const link = await h.linkFor(MODERATOR);
  const response = await spend(tokenOf(link.url));
  expect(response.statusCode).toBe(303);
  const cookie = response.cookies.find((one) => one.name === 'helpbot_dashboard');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  const page = await h.app.inject({ url: '/notices', cookies: { helpbot_dashboard: cookie?.value ?? '' } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie: cookie?.value ?? '', csrf };
}

describe('signing in', () => {
  it('gives a moderator a link that opens a session once, and the audit keeps no link', async () => {
    const link = await h.linkFor(MODERATOR);
    expect(link.ok).toBe(true);
    expect(link.url).toMatch(new RegExp(`^${h.url}/signin\\?token=`));
    // Opening the link (or a chat app previewing it) only shows a button: nothing is spent.
    const shown = await h.app.inject({
      url: new URL(link.url ?? '').pathname + new URL(link.url ?? '').search,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('<button type="submit">Sign in</button>');
    const first = await spend(tokenOf(link.url));
    expect(first.statusCode).toBe(303);
    const second = await spend(tokenOf(link.url));
    expect(second.statusCode).toBe(403);
    expect(second.body).toContain('already used');
    const [issued] = await h.state.audit(1);
    expect(issued).toMatchObject({ action: 'dashboard', actor: 'discord:200000000000000050' });
    expect(JSON.stringify(issued)).not.toContain(tokenOf(link.url));
  });

  it('refuses a link after its ten minutes', async () => {
    h.now = NOW;
    const link = await h.linkFor(MODERATOR);
    h.now = new Date(NOW.getTime() + LINK_MS + 1);
    const late = await spend(tokenOf(link.url));
    expect(late.statusCode).toBe(403);
    expect(late.body).toContain('expired');
    h.now = NOW;
  });

  it('issues no link to a member, and refuses a link nobody issued', async () => {
    const refused = await h.linkFor(MEMBER);
    expect(refused).toMatchObject({ ok: false, url: undefined });
    // A link made for the member by hand, signed with another secret, or altered, is refused.
    const real = tokenOf((await h.linkFor(MODERATOR)).url);
    const [body, signature] = real.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { actor: { id: string } };
    payload.actor.id = MEMBER.id;
    const altered = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    for (const token of [altered, `${body}.${'A'.repeat(43)}`, 'not-a-token', '']) {
      const response = await spend(token);
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('a session', () => {
  it('is needed for every page, and a forged or expired cookie is none', async () => {
    const { cookie } = await signedIn();
    expect((await h.app.inject({ url: '/', cookies: { helpbot_dashboard: cookie } })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/' })).statusCode).toBe(401);
    const [body, signature] = cookie.split('.') as [string, string];
    const forged = [`${body}x.${signature}`, `${body}.${signature.slice(0, -2)}AA`, 'eyJ9.abc'];
    for (const value of forged)
      expect((await h.app.inject({ url: '/audit', cookies: { helpbot_dashboard: value } })).statusCode).toBe(
        401,
      );
    // A sign-in link is not a session either: each value is signed for its own purpose.
    const token = tokenOf((await h.linkFor(MODERATOR)).url);
    expect((await h.app.inject({ url: '/', cookies: { helpbot_dashboard: token } })).statusCode).toBe(401);
    h.now = new Date(NOW.getTime() + SESSION_MS + 1);
    expect((await h.app.inject({ url: '/', cookies: { helpbot_dashboard: cookie } })).statusCode).toBe(401);
    h.now = NOW;
  });

  it("refuses a form posted without its CSRF token, with another session's, or from another site", async () => {
    const { cookie, csrf } = await signedIn();
    const other = await signedIn();
    const post = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/notices',
        cookies: { helpbot_dashboard: cookie },
        payload,
        headers,
      });
    const notice = { intent: 'refunds', hours: '2', text: 'Refunds are slow today' };
    expect((await post(notice)).statusCode).toBe(403);
    expect((await post({ ...notice, csrf: other.csrf })).statusCode).toBe(403);
    expect((await post({ ...notice, csrf }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await h.state.notices()).some((one) => one.text === notice.text)).toBe(false);
    const accepted = await post({ ...notice, csrf });
    expect(accepted.statusCode).toBe(200);
    expect((await h.state.notices()).some((one) => one.text === notice.text)).toBe(true);
  });

  it("shows a member's markup as text, under a policy that allows no inline script", async () => {
    const { cookie } = await signedIn();
    const page = await h.app.inject({ url: '/unanswered', cookies: { helpbot_dashboard: cookie } });
    expect(page.body).not.toContain('<script>window.__pwned');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(HOSTILE_QUESTION).toContain('<script>');
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
  });
});
