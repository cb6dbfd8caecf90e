import type { KnowledgeBase } from '../../../core/knowledge-base.js';
import type { MatchResult } from '../../../core/match/matcher.js';
import type { EntryPreview } from '../../../core/moderation/preview.js';
import type { TaughtExample } from '../../../core/state/store.js';
import { type Html, html } from '../html.js';
import { type PageFrame, page } from './layout.js';

// The FAQ as members see it: every entry, one entry's answer and how well its examples are
// recognised, what moderators taught that is not yet in knowledge/, and a box that runs the
// matcher on any text and shows its scores.

export interface KnowledgeView {
  readonly kb: KnowledgeBase;
  readonly taught: readonly TaughtExample[];
  readonly entry?: EntryPreview | undefined;
  readonly tried?: { readonly text: string; readonly match: MatchResult } | undefined;
}

function tryBox(view: KnowledgeView): Html {
  const tried = view.tried;
  return html`<section><h2>Try a question</h2>
<form method="get" action="/knowledge" class="inline"><textarea name="try" rows="3" maxlength="2000" required placeholder="Paste a member's post">${tried?.text ?? ''}</textarea><button type="submit">Match</button></form>
${
  tried === undefined
    ? ''
    : html`<p class="verdict">The bot would <strong>${tried.match.decision}</strong>${
        tried.match.intent === null ? '' : html` as <strong>${tried.match.intent}</strong>`
      } (confidence ${tried.match.confidence.toFixed(2)}; off-topic ${tried.match.offTopic.toFixed(2)}).</p>
<table><thead><tr><th>Entry</th><th>Probability</th></tr></thead><tbody>${tried.match.candidates
        .slice(0, 5)
        .map(
          (candidate) =>
            html`<tr><td>${candidate.intent}</td><td>${candidate.probability.toFixed(3)}</td></tr>`,
        )}</tbody></table>`
}</section>`;
}

/** The weakest examples are what a moderator acts on; the rest wait behind a click. */
const EXAMPLES_SHOWN = 20;

function exampleTable(examples: EntryPreview['examples']): Html {
  return html`<table><thead><tr><th>Example</th><th>Read as</th><th>Confidence</th></tr></thead><tbody>${examples.map(
    (example) =>
      html`<tr class="${example.answered ? '' : 'weak'}"><td>${example.text}</td><td>${example.readAs}</td><td>${example.confidence.toFixed(2)}</td></tr>`,
  )}</tbody></table>`;
}

function entrySection(entry: EntryPreview, taught: readonly TaughtExample[]): Html {
  const mine = taught.filter((example) => example.intent === entry.intent);
  return html`<section class="entry"><h2>${entry.title} <code>${entry.intent}</code></h2>
<h3>As members see it</h3><pre class="answer">${entry.answer}</pre>
<h3>Taught in chat or here, not yet in knowledge/ (${mine.length})</h3>
${mine.length === 0 ? html`<p>None.</p>` : html`<ul>${mine.map((example) => html`<li>${example.text} <span class="meta">by ${example.by}, ${example.at.slice(0, 10)}</span></li>`)}</ul>`}
<h3>Its examples, each read with it held out (weakest first; answered from ${entry.answerAt.toFixed(2)})</h3>
${exampleTable(entry.examples.slice(0, EXAMPLES_SHOWN))}
${
  entry.examples.length > EXAMPLES_SHOWN
    ? html`<details><summary>The other ${entry.examples.length - EXAMPLES_SHOWN} examples</summary>${exampleTable(entry.examples.slice(EXAMPLES_SHOWN))}</details>`
    : ''
}</section>`;
}

export function knowledgePage(frame: PageFrame, view: KnowledgeView): Html {
  const waiting = new Map<string, number>();
  for (const example of view.taught) waiting.set(example.intent, (waiting.get(example.intent) ?? 0) + 1);
  return page(
    'Knowledge',
    '/knowledge',
    frame,
    html`${tryBox(view)}
${view.entry === undefined ? '' : entrySection(view.entry, view.taught)}
<section><h2>Entries</h2><table><thead><tr><th>Entry</th><th>Examples</th><th>Taught, waiting</th></tr></thead><tbody>${view.kb.entries.map(
      (entry) =>
        html`<tr><td><a href="/knowledge?entry=${encodeURIComponent(entry.id)}">${entry.title}</a> <code>${entry.id}</code></td><td>${entry.examples.length}</td><td>${waiting.get(entry.id) ?? 0}</td></tr>`,
    )}</tbody></table></section>`,
  );
}
