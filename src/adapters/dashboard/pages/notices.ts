import type { KnowledgeBase } from '../../../core/knowledge-base.js';
import type { Notice } from '../../../core/state/store.js';
import { type Html, html } from '../html.js';
import { csrfField, type PageFrame, page, resultNote } from './layout.js';
import { entryOptions } from './unanswered.js';

// Notices shown with an entry's answers ("purchases are delayed today"): those showing now, each
// with a button to end it, and a form to post one.

export function noticesPage(
  frame: PageFrame,
  kb: KnowledgeBase,
  showing: readonly Notice[],
  limits: { readonly maxHours: number; readonly maxChars: number },
  result?: { ok: boolean; text: string },
): Html {
  return page(
    'Notices',
    '/notices',
    frame,
    html`${resultNote(result)}
<section><h2>Showing now</h2>
${
  showing.length === 0
    ? html`<p>No notice is showing.</p>`
    : html`<ul class="cards">${showing.map(
        (notice) => html`<li class="card"><p class="question">${notice.text}</p>
<p class="meta">${notice.intent} · until ${notice.until.slice(0, 16).replace('T', ' ')} UTC · by ${notice.by}</p>
<form method="post" action="/notices/end">${csrfField(frame)}<input type="hidden" name="intent" value="${notice.intent}"><button type="submit" class="secondary">End now</button></form></li>`,
      )}</ul>`
}</section>
<section><h2>Post a notice</h2>
<form method="post" action="/notices" class="stacked">${csrfField(frame)}
<label>Entry <select name="intent">${entryOptions(kb, undefined)}</select></label>
<label>Hours <input type="number" name="hours" min="1" max="${limits.maxHours}" value="24" required></label>
<label>Text <textarea name="text" rows="3" maxlength="${limits.maxChars}" required></textarea></label>
<button type="submit">Post</button></form></section>`,
  );
}
