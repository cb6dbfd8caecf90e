import { describe, expect, it } from 'vitest';
import { checkRephrasing } from '../../../src/core/language/fact-check.js';

const ORIGINAL = [
  '**When spent Connects come back**',
  'Your 16 Connects for p-102 came back on 3 December 2026. A refund is never money; it returns 1,000 at most.',
  'See https://example.com/help and use `/connects balance`.',
  '_Policy: Refunds of Connects (refund.rules)_',
].join('\n\n');

describe('checkRephrasing', () => {
  it('accepts a translation that keeps every number, date, policy id, link and command', () => {
    const spanish = [
      '**Cuándo vuelven los Connects gastados**',
      'Tus 16 Connects de p-102 volvieron el 3 de diciembre de 2026. Un reembolso nunca es dinero; devuelve 1.000 como máximo.',
      'Mira https://example.com/help y usa `/connects balance`.',
      '_Política: Reembolsos de Connects (refund.rules)_',
    ].join('\n\n');
    expect(checkRephrasing(ORIGINAL, spanish, 'es')).toEqual({ ok: true, missing: [], added: [] });
  });

  it('refuses one that drops or changes a number, a date, a policy id, a link or a command', () => {
    const changed = ORIGINAL.replace('16 Connects', '15 Connects');
    expect(checkRephrasing(ORIGINAL, changed, 'en')).toMatchObject({
      ok: false,
      missing: ['16'],
      added: ['15'],
    });
    expect(checkRephrasing(ORIGINAL, ORIGINAL.replace('3 December', '3 November'), 'en').missing).toEqual([
      '3 December 2026',
    ]);
    expect(checkRephrasing(ORIGINAL, ORIGINAL.replace('(refund.rules)', ''), 'en').missing).toEqual([
      'refund.rules',
    ]);
    expect(
      checkRephrasing(ORIGINAL, ORIGINAL.replace('https://example.com/help', 'the help page'), 'en').ok,
    ).toBe(false);
    expect(
      checkRephrasing(ORIGINAL, ORIGINAL.replace('`/connects balance`', 'the balance command'), 'en').missing,
    ).toEqual(['/connects balance']);
  });

  it('refuses an added number, and a date whose month is not named in the target language', () => {
    expect(checkRephrasing(ORIGINAL, `${ORIGINAL} You also get 50 free.`, 'en').added).toEqual(['50']);
    const englishMonthInSpanish = ORIGINAL.replace('3 December 2026', '3 de December de 2026');
    expect(checkRephrasing(ORIGINAL, englishMonthInSpanish, 'es').ok).toBe(false);
  });
});
