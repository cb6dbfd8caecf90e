import type { AuditEntry } from '../../../core/state/store.js';
import { type Html, html } from '../html.js';
import { type PageFrame, page } from './layout.js';

// Every moderator action, newest first, from chat and from this dashboard alike, filtered by
// moderator and by action.

export interface AuditFilter {
  readonly moderator: string;
  readonly action: string;
}

export function auditPage(
  frame: PageFrame,
  entries: readonly AuditEntry[],
  filter: AuditFilter,
  choices: { readonly moderators: readonly string[]; readonly actions: readonly string[] },
  matching: number,
): Html {
  const select = (name: string, values: readonly string[], chosen: string) =>
    html`<select name="${name}"><option value="">all</option>${values.map(
      (value) => html`<option${value === chosen ? html` selected` : ''}>${value}</option>`,
    )}</select>`;
  return page(
    'Audit log',
    '/audit',
    frame,
    html`<form method="get" action="/audit" class="inline">
<label>Moderator ${select('moderator', choices.moderators, filter.moderator)}</label>
<label>Action ${select('action', choices.actions, filter.action)}</label>
<button type="submit">Filter</button></form>
${matching > entries.length ? html`<p class="meta">The newest ${entries.length} of ${matching}; filter to see older ones.</p>` : ''}
${
  entries.length === 0
    ? html`<p>No actions.</p>`
    : html`<table><thead><tr><th>When (UTC)</th><th>Moderator</th><th>Action</th><th>Target</th><th>Result</th></tr></thead><tbody>${entries.map(
        (entry) =>
          html`<tr><td>${entry.at.slice(0, 16).replace('T', ' ')}</td><td>${entry.actor}</td><td>${entry.action}</td><td>${entry.target}</td><td class="result">${entry.result}</td></tr>`,
      )}</tbody></table>`
}`,
  );
}
