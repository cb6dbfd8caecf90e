import { type Html, html } from '../html.js';
import { csrfField, type PageFrame, page, resultNote } from './layout.js';

// A member's account facts, as `/connects-mod lookup` shows them: for moderators only, and every
// lookup is in the audit log.

export function lookupPage(frame: PageFrame, identity: string, result?: { ok: boolean; text: string }): Html {
  return page(
    'Account lookup',
    '/lookup',
    frame,
    html`<form method="post" action="/lookup" class="stacked">${csrfField(frame)}
<label>Member <input name="user" value="${identity}" placeholder="discord:123456789012345678 or slack:U0123ABC" required maxlength="120"></label>
<button type="submit">Look up</button></form>
<p class="meta">Every lookup is kept in the audit log with your name.</p>
${result === undefined ? '' : result.ok ? html`<pre class="answer">${result.text}</pre>` : resultNote(result)}`,
  );
}
