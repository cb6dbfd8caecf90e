import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../src/adapters/dashboard/html.js';

// The dashboard's templates: whatever text goes in comes out as text.

describe('html', () => {
  it('escapes every value, keeps nested markup, joins lists and drops nothing-values', () => {
    const item = (text: string) => html`<li>${text}</li>`;
    const page = html`<ul title="${'a "quoted" & <b>'}">${['<i>', "O'Brien"].map(item)}${null}${false}${undefined}</ul>`;
    expect(page.markup).toBe(
      '<ul title="a &quot;quoted&quot; &amp; &lt;b&gt;"><li>&lt;i&gt;</li><li>O&#39;Brien</li></ul>',
    );
    expect(html`${0} ${3.5}`.markup).toBe('0 3.5');
  });

  it('leaves no markup character in any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = html`<p>${text}</p>`.markup.slice(3, -4);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).toBe(escapeHtml(text));
      }),
    );
  });
});
