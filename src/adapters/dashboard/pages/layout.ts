import type { DashboardSession } from '../../../core/dashboard/sign-in.js';
import { identityOf } from '../../../core/types.js';
import { type Html, html } from '../html.js';

// Every page's frame: the navigation, who is signed in, and the one script and stylesheet the
// Content-Security-Policy allows (no inline script or style anywhere).

export interface PageFrame {
  readonly session: DashboardSession;
  readonly csrf: string;
}

const NAV = [
  ['/', 'Overview'],
  ['/unanswered', 'Unanswered'],
  ['/knowledge', 'Knowledge'],
  ['/notices', 'Notices'],
  ['/audit', 'Audit log'],
  ['/lookup', 'Account lookup'],
] as const;

/** What a form needs to be accepted: the session's CSRF token. */
export function csrfField(frame: PageFrame): Html {
  return html`<input type="hidden" name="csrf" value="${frame.csrf}">`;
}

export function page(title: string, path: string, frame: PageFrame | undefined, body: Html): Html {
  const who = frame === undefined ? '' : (frame.session.actor.displayName ?? identityOf(frame.session.actor));
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Connects help bot</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/dashboard.css">
<script src="/assets/chart.umd.min.js" defer></script>
<script src="/assets/dashboard.js" defer></script>
</head>
<body>
<header>
  <strong class="brand">Connects help bot</strong>
  ${
    frame === undefined
      ? ''
      : html`<nav>${NAV.map(
          ([href, label]) =>
            html`<a href="${href}"${href === path ? html` aria-current="page"` : ''}>${label}</a>`,
        )}</nav>
  <form method="post" action="/signout" class="signout">${csrfField(frame)}<span>${who}</span> <button type="submit">Sign out</button></form>`
  }
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** The result of an action, as the moderation module worded it, above the page it changed. */
export function resultNote(result: { ok: boolean; text: string } | undefined): Html {
  if (result === undefined) return html``;
  return html`<p class="${result.ok ? 'note ok' : 'note refused'}" role="status">${result.text}</p>`;
}
