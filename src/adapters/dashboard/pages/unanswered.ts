import type { KnowledgeBase } from '../../../core/knowledge-base.js';
import type { QuestionRecord } from '../../../core/state/store.js';
import { type Html, html } from '../html.js';
import { csrfField, type PageFrame, page, resultNote } from './layout.js';

// The questions the bot did not answer (abstained, clarified, "not helpful", escalated), newest
// first, each with the bot's guess: teaching it is one click, dismissing it another.

export interface UnansweredItem {
  readonly question: QuestionRecord;
  /** The entry the bot would teach it to. */
  readonly guess: string;
}

export function entryOptions(kb: KnowledgeBase, selected: string | undefined): Html {
  return html`${kb.entries.map(
    (entry) =>
      html`<option value="${entry.id}"${entry.id === selected ? html` selected` : ''}>${entry.title} (${entry.id})</option>`,
  )}`;
}

export function unansweredPage(
  frame: PageFrame,
  kb: KnowledgeBase,
  items: readonly UnansweredItem[],
  result?: { ok: boolean; text: string },
): Html {
  const rows = items.map(
    ({ question, guess }) => html`<li class="card">
  <p class="question">${question.text}</p>
  <p class="meta">${question.at.slice(0, 16).replace('T', ' ')} UTC · ${question.identity} · ${question.outcome}${
    question.intent === null ? '' : ` · ${question.intent}`
  } · confidence ${question.confidence.toFixed(2)}${question.link === undefined || !/^https:\/\//.test(question.link) ? '' : html` · <a href="${question.link}" rel="noreferrer noopener">open</a>`}</p>
  <div class="actions">
    <form method="post" action="/unanswered/teach" class="inline">${csrfField(frame)}<input type="hidden" name="question" value="${question.id}">
      <label>Teach as <select name="intent">${entryOptions(kb, guess)}</select></label>
      <button type="submit">Teach</button></form>
    <form method="post" action="/unanswered/dismiss" class="inline">${csrfField(frame)}<input type="hidden" name="question" value="${question.id}">
      <button type="submit" class="secondary">Dismiss</button></form>
  </div>
</li>`,
  );
  return page(
    'Unanswered questions',
    '/unanswered',
    frame,
    html`${resultNote(result)}
${items.length === 0 ? html`<p>Nothing unanswered.</p>` : html`<ul class="cards">${rows}</ul>`}`,
  );
}
