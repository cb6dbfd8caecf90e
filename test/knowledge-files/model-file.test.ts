import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../../src/core/help-desk.js';
import { Matcher } from '../../src/core/match/matcher.js';
import { readCachedModel, writeCachedModel } from '../../src/knowledge-files/model-file.js';
import { realKnowledge } from '../helpers/knowledge.js';

describe('the model cache in DATA_DIR/cache', () => {
  const saved = new Matcher(realKnowledge()).save();

  it('gives back the model fitted to the same knowledge base', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpbot-model-'));
    expect(writeCachedModel(dir, saved)).toBe(true);
    expect(readCachedModel(dir, saved.fingerprint)).toEqual(saved);
  });

  it('ignores a model fitted to another knowledge base, a damaged file and a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpbot-model-'));
    writeCachedModel(dir, saved);
    expect(readCachedModel(dir, '0000000000000000')).toBeUndefined();
    writeFileSync(join(dir, 'model.json'), '{"fingerprint": ');
    expect(readCachedModel(dir, saved.fingerprint)).toBeUndefined();
    expect(readCachedModel(join(dir, 'nowhere'), saved.fingerprint)).toBeUndefined();
  });

  it('ignores a file with the right fingerprint but another shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helpbot-model-'));
    for (const broken of [
      { ...saved, classifier: 5 },
      { ...saved, vocabulary: 'words' },
      { ...saved, calibration: { ...saved.calibration, answerAt: '0.7' } },
      [saved],
    ]) {
      writeFileSync(join(dir, 'model.json'), JSON.stringify(broken));
      expect(readCachedModel(dir, saved.fingerprint)).toBeUndefined();
    }
  });

  it('refits, rather than fails, when a saved model of the right outline cannot be restored', () => {
    const damaged = { ...saved, classifier: { ...saved.classifier, weights: 'AAAA' } };
    expect(() => new Matcher(realKnowledge(), { saved: damaged })).toThrow();
    // (The fit itself comes from this process's shared model: a new process would fit and save it.)
    const desk = new HelpDesk(realKnowledge(), { savedModel: damaged });
    expect(desk.matcher.match('do my connects expire').intent).toBe('connects.expiry');
  });

  it('reports a folder it cannot write to, without throwing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'helpbot-model-')), 'a-file');
    writeFileSync(file, 'x');
    expect(writeCachedModel(join(file, 'cache'), saved)).toBe(false);
  });
});
