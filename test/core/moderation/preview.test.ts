import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../../../src/core/help-desk.js';
import { previewEntry, previewText } from '../../../src/core/moderation/preview.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const desk = new HelpDesk(realKnowledge());
const NOW = new Date('2026-11-28T12:00:00Z');

describe('previewEntry', () => {
  it('shows the entry as members see it and every example’s held-out score, weakest first', async () => {
    const preview = await previewEntry(desk, 'connects.expiry', NOW);
    expect(preview?.answer).toMatch(/^\*\*How long Connects stay valid\*\*/);
    const entry = desk.kb.entries.find((candidate) => candidate.id === 'connects.expiry');
    expect(preview?.examples).toHaveLength(entry?.examples.length ?? -1);
    const confidences =
      preview?.examples.filter((example) => example.answered).map((example) => example.confidence) ?? [];
    expect([...confidences].sort((a, b) => a - b)).toEqual(confidences);
    expect(preview?.examples.at(-1)?.answered).toBe(true);
  });

  it('finds an entry by its title too, and nothing for an unknown topic', async () => {
    expect((await previewEntry(desk, 'How long Connects stay valid', NOW))?.intent).toBe('connects.expiry');
    expect(await previewEntry(desk, 'no.such.topic', NOW)).toBeNull();
  });

  it('says in words how many examples are recognised, and keeps a chat message short', async () => {
    const preview = await previewEntry(desk, 'refunds', NOW);
    if (preview === null) throw new Error('no refunds entry');
    const text = previewText(preview, 5);
    expect(text).toMatch(/Examples: \d+ of \d+ are answered with this entry when held out of training/);
    expect(text).toMatch(/…and \d+ more/);
    expect(text.split('\n').filter((line) => /^[✓?✗] \d\.\d\d/.test(line))).toHaveLength(5);
  });
});
