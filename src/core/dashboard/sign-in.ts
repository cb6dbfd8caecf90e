import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from '../state/store.js';
import type { Actor } from '../types.js';
import { sign, signature, verify } from './signed.js';

// Moderators sign in to the dashboard without a password: `/connects-mod dashboard` gives them,
// privately, a link valid for ten minutes that opens a session once. The link and the session
// carry the moderator's chat identity (and roles, as the platform reported them when the link was
// made), signed with the dashboard's secret; the link's one use is claimed in the state store, so
// it holds across instances. Every action taken in a session still goes through the moderation
// module, which checks the actor again.

export const LINK_MS = 10 * 60_000;
export const SESSION_MS = 12 * 3_600_000;

const LINK = 'dashboard-link';
const SESSION = 'dashboard-session';
const CSRF = 'dashboard-csrf';

const actorSchema = z.object({
  platform: z.enum(['discord', 'slack', 'console']),
  id: z.string().min(1).max(100),
  displayName: z.string().max(200).optional(),
  roles: z.array(z.string().max(100)).max(250),
});

const signedSchema = z.object({ actor: actorSchema, nonce: z.string().min(16).max(64), expires: z.number() });

export interface DashboardSession {
  readonly actor: Actor;
  /** Different for every sign-in: what the session's CSRF token is bound to. */
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly expires: number;
}

export type SignInRefusal = 'invalid' | 'expired' | 'used';

export class DashboardSignIn {
  constructor(
    private readonly secret: Buffer,
    private readonly state: Pick<StateStore, 'claimOnce'>,
  ) {}

  /** A token for the sign-in link (the rest of the URL is the server's business). */
  issueLink(actor: Actor, now: Date): { token: string; expires: Date } {
    const expires = now.getTime() + LINK_MS;
    const plain = actorOf(actor);
    return {
      token: sign(this.secret, LINK, { actor: plain, nonce: nonce(), expires }),
      expires: new Date(expires),
    };
  }

  /** The session a link opens, the first time it is used within its ten minutes; else why not. */
  async redeem(token: string, now: Date): Promise<DashboardSession | SignInRefusal> {
    const link = signedSchema.safeParse(verify(this.secret, LINK, token));
    if (!link.success) return 'invalid';
    if (link.data.expires <= now.getTime()) return 'expired';
    // Claimed for as long as the link could still be used: once, on whichever instance.
    const first = await this.state.claimOnce(
      `${LINK}:${link.data.nonce}`,
      link.data.expires - now.getTime() + 60_000,
    );
    if (!first) return 'used';
    return { actor: actorOf(link.data.actor), id: nonce(), expires: now.getTime() + SESSION_MS };
  }

  cookieFor(session: DashboardSession): string {
    return sign(this.secret, SESSION, { actor: session.actor, nonce: session.id, expires: session.expires });
  }

  /** The session a cookie holds, when this secret made it and it has not run out. */
  sessionFrom(cookie: string | undefined, now: Date): DashboardSession | undefined {
    if (cookie === undefined || cookie === '') return undefined;
    const parsed = signedSchema.safeParse(verify(this.secret, SESSION, cookie));
    if (!parsed.success || parsed.data.expires <= now.getTime()) return undefined;
    return { actor: actorOf(parsed.data.actor), id: parsed.data.nonce, expires: parsed.data.expires };
  }

  /** The token every form of this session carries: a page from elsewhere cannot know it. */
  csrfToken(session: DashboardSession): string {
    return signature(this.secret, CSRF, session.id);
  }

  csrfMatches(session: DashboardSession, token: unknown): boolean {
    if (typeof token !== 'string') return false;
    const given = Buffer.from(token);
    const expected = Buffer.from(this.csrfToken(session));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Only what identifies the actor: the platform's user id, roles and name, nothing else it carried. */
function actorOf(actor: Actor | z.infer<typeof actorSchema>): Actor {
  return {
    platform: actor.platform,
    id: actor.id,
    roles: [...actor.roles],
    ...(actor.displayName === undefined ? {} : { displayName: actor.displayName }),
  };
}

function nonce(): string {
  return randomBytes(18).toString('base64url');
}
