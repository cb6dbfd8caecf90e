import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const kb = realKnowledge();
const analyzer = new Analyzer(
  kb,
  kb.entries.flatMap((entry) => entry.examples),
);

describe('Analyzer', () => {
  it('maps synonyms and misspellings to one vocabulary', () => {
    expect(analyzer.analyse('i didnt recieve my coins').tokens).toEqual([
      'i',
      'did',
      'not',
      'receive',
      'my',
      'connects',
    ]);
  });

  it('prefers the longest synonym phrase', () => {
    expect(analyzer.analyse('every month').tokens).toEqual(['monthly']);
  });

  it('fixes a typo towards a known word but leaves short words alone', () => {
    expect(analyzer.analyse('refundd').tokens).toEqual(['refund']);
    expect(analyzer.analyse('bank').tokens).toEqual(['bank']);
  });

  it('drops stop words from the search terms but keeps them in the tokens', () => {
    const analysis = analyzer.analyse('what is the validity of the connects');
    expect(analysis.tokens).toContain('the');
    expect(analysis.terms).not.toContain('the');
    expect(analysis.terms).toContain('expir');
  });

  it('learns new words so later typos of them are fixed', () => {
    const fresh = new Analyzer(kb);
    expect(fresh.analyse('zzplatypusx').tokens).toEqual(['zzplatypusx']);
    fresh.learn('zzplatypus');
    expect(fresh.analyse('zzplatypusx').tokens).toEqual(['zzplatypus']);
  });
});
