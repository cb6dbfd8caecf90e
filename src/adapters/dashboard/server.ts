import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { lastDays, OVERVIEW_DAYS, overviewOf } from '../../core/dashboard/overview.js';
import { type DashboardSession, type DashboardSignIn, SESSION_MS } from '../../core/dashboard/sign-in.js';
import type { HelpDesk } from '../../core/help-desk.js';
import { MAX_QUESTION_CHARS } from '../../core/limits.js';
import { MAX_NOTICE_CHARS, MAX_NOTICE_HOURS } from '../../core/moderation/limits.js';
import type { Moderation } from '../../core/moderation/moderation.js';
import { previewEntry } from '../../core/moderation/preview.js';
import { teachGuess } from '../../core/moderation/report-lines.js';
import type { StateStore } from '../../core/state/store.js';
import type { EventLog } from '../../core/use-cases/services.js';
import { type Asset, loadAssets } from './assets-files.js';
import type { Html } from './html.js';
import { auditPage } from './pages/audit.js';
import { knowledgePage } from './pages/knowledge.js';
import type { PageFrame } from './pages/layout.js';
import { lookupPage } from './pages/lookup.js';
import { noticesPage } from './pages/notices.js';
import { overviewPage } from './pages/overview.js';
import { messagePage, signInPage } from './pages/sign-in.js';
import { unansweredPage } from './pages/unanswered.js';

// The moderators' web dashboard: server-rendered pages over the same help desk, stores and
// moderation module as the chat platforms. It renders and delivers; every change is a moderation
// action (checked, carried out once, audited with the moderator's chat identity). Sessions come
// only from single-use sign-in links; every form carries the session's CSRF token; the
// Content-Security-Policy allows this site's own script and stylesheet and nothing inline.

export interface DashboardParts {
  readonly desk: HelpDesk;
  readonly state: StateStore;
  readonly moderation: Moderation;
  readonly signIn: DashboardSignIn;
  readonly log: EventLog;
  readonly clock?: () => Date;
  /** Served over HTTPS (behind a proxy that terminates it): the session cookie is Secure. */
  readonly secureCookies?: boolean;
}

const COOKIE = 'helpbot_dashboard';
const UNANSWERED_SHOWN = 100;
const AUDIT_READ = 1000;
/** Rows on one audit page: filter to find older ones. */
const AUDIT_SHOWN = 200;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  // Not no-referrer: Chromium then sends "Origin: null" with the dashboard's own forms.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

declare module 'fastify' {
  interface FastifyRequest {
    dashboardSession: DashboardSession | undefined;
  }
}

type Form = Record<string, string | undefined>;

export async function buildDashboard(parts: DashboardParts): Promise<FastifyInstance> {
  const clock = parts.clock ?? (() => new Date());
  const assets = loadAssets();
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  await app.register(cookie);
  await app.register(formbody);
  app.decorateRequest('dashboardSession', undefined);

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Who is signed in, and whether a form may act: everything but the sign-in and the files needs both.
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/signin' || path === '/signed-out' || path.startsWith('/assets/')) return;
    const session = parts.signIn.sessionFrom(request.cookies[COOKIE], clock());
    if (session === undefined) {
      reply.code(401);
      return send(
        reply,
        messagePage(
          'Signed out',
          'Sign in with a link from /connects-mod dashboard in chat (or /mod dashboard in the terminal).',
        ),
      );
    }
    request.dashboardSession = session;
    if (request.method !== 'POST') return;
    const form = (request.body ?? {}) as Form;
    if (!sameOrigin(request) || !parts.signIn.csrfMatches(session, form.csrf)) {
      reply.code(403);
      return send(
        reply,
        messagePage(
          'Refused',
          'This form is out of date or did not come from this dashboard; reload the page and try again.',
        ),
      );
    }
  });

  app.setErrorHandler(async (error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) parts.log.error({ err: error }, 'dashboard request failed');
    reply.code(status);
    const said =
      status >= 500 ? 'The dashboard could not do that; it is logged.' : String((error as Error).message);
    return send(reply, messagePage('Something went wrong', said));
  });

  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset: Asset | undefined = assets.get(request.params.name);
    if (asset === undefined) return reply.code(404).type('text/plain').send('not found');
    return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });

  app.get<{ Querystring: { token?: string } }>('/signin', async (request, reply) => {
    const token = request.query.token ?? '';
    if (token === '') return send(reply.code(400), messagePage('Sign in', 'This link is incomplete.'));
    return send(reply, signInPage(token));
  });

  app.post<{ Body: Form }>('/signin', async (request, reply) => {
    const session = await parts.signIn.redeem(request.body?.token ?? '', clock());
    if (typeof session === 'string') {
      const why = {
        invalid: 'This sign-in link is not valid.',
        expired: 'This sign-in link has expired (links last 10 minutes).',
        used: 'This sign-in link was already used (each works once).',
      }[session];
      return send(
        reply.code(403),
        messagePage('Cannot sign in', `${why} Run /connects-mod dashboard for a new one.`),
      );
    }
    reply.setCookie(COOKIE, parts.signIn.cookieFor(session), {
      httpOnly: true,
      sameSite: 'strict',
      secure: parts.secureCookies === true || request.protocol === 'https',
      path: '/',
      maxAge: SESSION_MS / 1000,
    });
    return reply.redirect('/', 303);
  });

  app.post('/signout', async (_request, reply) => {
    reply.clearCookie(COOKIE, { path: '/' });
    return reply.redirect('/signed-out', 303);
  });
  app.get('/signed-out', async (_request, reply) =>
    send(reply, messagePage('Signed out', 'You are signed out.')),
  );

  const frameOf = (request: FastifyRequest): PageFrame => {
    const session = request.dashboardSession as DashboardSession;
    return { session, csrf: parts.signIn.csrfToken(session) };
  };
  /** A moderation action in this session's name: checked, carried out once, audited. */
  const act = (request: FastifyRequest, action: string, values: Record<string, string | number>) =>
    parts.moderation.handleRead({
      id: `dashboard:${randomUUID()}`,
      actor: (request.dashboardSession as DashboardSession).actor,
      now: clock(),
      action,
      values,
    });

  app.get('/', async (request, reply) => {
    const days = await parts.state.stats(lastDays(clock(), OVERVIEW_DAYS));
    return send(reply, overviewPage(frameOf(request), overviewOf(days, parts.desk.kb)));
  });

  const unanswered = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result?: { ok: boolean; text: string },
  ) => {
    const questions = await parts.state.unanswered(UNANSWERED_SHOWN);
    const items = questions
      // Looked-up entries and account views are recorded as questions too; they teach nothing.
      .filter((question) => !/^(faq|account): /.test(question.text))
      .map((question) => ({ question, guess: teachGuess(question, parts.desk.matcher) }));
    return send(reply, unansweredPage(frameOf(request), parts.desk.kb, items, result));
  };
  app.get('/unanswered', async (request, reply) => unanswered(request, reply));
  app.post<{ Body: Form }>('/unanswered/teach', async (request, reply) => {
    const id = request.body.question ?? '';
    const question = id === '' ? undefined : await parts.state.question(id);
    if (question === undefined)
      return unanswered(request, reply, { ok: false, text: `There is no question "${id}" any more.` });
    const taught = await act(request, 'teach', {
      intent: request.body.intent ?? '',
      question: question.text,
    });
    // Taught, it is handled: off the list (a second audited action, as in chat).
    if (taught.ok) await act(request, 'dismiss', { id });
    return unanswered(request, reply, taught);
  });
  app.post<{ Body: Form }>('/unanswered/dismiss', async (request, reply) =>
    unanswered(request, reply, await act(request, 'dismiss', { id: request.body.question ?? '' })),
  );

  app.get<{ Querystring: { entry?: string; try?: string } }>('/knowledge', async (request, reply) => {
    const { entry, try: text } = request.query;
    const tried = (text ?? '').trim().slice(0, MAX_QUESTION_CHARS);
    return send(
      reply,
      knowledgePage(frameOf(request), {
        kb: parts.desk.kb,
        taught: await parts.state.taught(),
        entry:
          entry === undefined ? undefined : ((await previewEntry(parts.desk, entry, clock())) ?? undefined),
        tried: tried === '' ? undefined : { text: tried, match: parts.desk.matcher.match(tried) },
      }),
    );
  });

  const notices = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result?: { ok: boolean; text: string },
  ) => {
    const now = clock().getTime();
    const showing = (await parts.state.notices()).filter((notice) => Date.parse(notice.until) > now);
    const limits = { maxHours: MAX_NOTICE_HOURS, maxChars: MAX_NOTICE_CHARS };
    return send(reply, noticesPage(frameOf(request), parts.desk.kb, showing, limits, result));
  };
  app.get('/notices', async (request, reply) => notices(request, reply));
  app.post<{ Body: Form }>('/notices', async (request, reply) => {
    const { intent = '', hours = '', text = '' } = request.body;
    return notices(request, reply, await act(request, 'notice', { intent, hours: Number(hours), text }));
  });
  app.post<{ Body: Form }>('/notices/end', async (request, reply) =>
    notices(request, reply, await act(request, 'unnotice', { intent: request.body.intent ?? '' })),
  );

  app.get<{ Querystring: { moderator?: string; action?: string } }>('/audit', async (request, reply) => {
    const all = await parts.state.audit(AUDIT_READ);
    const filter = { moderator: request.query.moderator ?? '', action: request.query.action ?? '' };
    const shown = all.filter(
      (entry) =>
        (filter.moderator === '' || entry.actor === filter.moderator) &&
        (filter.action === '' || entry.action === filter.action),
    );
    const distinct = (values: string[]) => [...new Set(values)].sort();
    const choices = {
      moderators: distinct(all.map((entry) => entry.actor)),
      actions: distinct(all.map((entry) => entry.action)),
    };
    return send(
      reply,
      auditPage(frameOf(request), shown.slice(0, AUDIT_SHOWN), filter, choices, shown.length),
    );
  });

  app.get('/lookup', async (request, reply) => send(reply, lookupPage(frameOf(request), '')));
  app.post<{ Body: Form }>('/lookup', async (request, reply) => {
    const user = (request.body.user ?? '').trim();
    return send(reply, lookupPage(frameOf(request), user, await act(request, 'lookup', { user })));
  });

  return app;
}

function send(reply: FastifyReply, page: Html): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page.markup);
}

/** A form posted from another site names it in Origin (browsers send it with every POST). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
