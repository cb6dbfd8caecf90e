import { describe, expect, it } from 'vitest';
import { type CompiledSignal, compileSignal, signalledCases } from '../../../src/core/match/signals.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const kb = realKnowledge();
const analyzer = new Analyzer(kb);
const refunds = kb.entries.find((entry) => entry.id === 'refunds');
const signals = (refunds?.parts ?? []).flatMap((part) =>
  part.signals.map((signal) => compileSignal(part.caseId, signal, analyzer) as CompiledSignal),
);
const casesOf = (text: string) => signalledCases(signals, analyzer.analyse(text).tokens);

describe('compileSignal', () => {
  it('rejects malformed phrases with a reason', () => {
    expect(compileSignal('x', '... cancel', analyzer)).toMatch(/needs a word on each side/);
    expect(compileSignal('x', 'ab*', analyzer)).toMatch(/at least 3 letters/);
  });

  it('canonicalises literal words like questions are', () => {
    const compiled = compileSignal('x', 'cancelled', analyzer) as CompiledSignal;
    expect(compiled.steps).toEqual([{ kind: 'word', value: 'cancel' }]);
  });
});

describe('signalledCases on the refund entry', () => {
  it.each([
    ['the client canceled the posting yesterday', 'refund.client-cancelled'],
    ['it got closed without anybody being hired', 'refund.client-cancelled'],
    ['the post was taken down as a scam', 'refund.platform-removed'],
    ['my job listing expired', 'refund.expired'],
    ['I withdrew two bids last week', 'refund.withdrawn'],
    ['client never opened my application', 'refund.not-viewed'],
    ['my proposal got declined', 'refund.not-viewed'],
    ['they hired another freelancer', 'refund.hired'],
    ['can I have dollars instead', 'refund.not-cash'],
  ])('%s -> %s', (text, expected) => {
    expect(casesOf(text)[0]).toBe(expected);
  });

  it('lets the more specific phrase win an overlap (no hire is a cancellation, not a hire)', () => {
    expect(casesOf('The job was closed without anyone being hired')).toEqual(['refund.client-cancelled']);
  });

  it('orders cases as the question raises them', () => {
    expect(casesOf('I withdrew, and later the post expired')).toEqual(['refund.withdrawn', 'refund.expired']);
  });

  it('finds nothing in a general question', () => {
    expect(casesOf('why no refund')).toEqual([]);
  });
});
