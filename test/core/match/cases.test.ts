import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../src/core/knowledge-base.js';
import { CaseReader } from '../../../src/core/match/cases.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const analyzer = new Analyzer(realKnowledge());

// Two cases with a handful of examples each and no signal phrase that fires on the questions below,
// so what is read is read by the learned classifier alone.
const entry: FaqEntry = {
  id: 'test.refunds',
  title: 'Test refunds',
  answer: 'Test answer.',
  facts: [],
  keywords: [],
  followups: [],
  examples: ['why no refund?', 'will i get my connects back', 'how do refunds work'],
  parts: [
    {
      caseId: 'case.unseen',
      text: 'Nothing comes back when the client never looks at the proposal.',
      signals: ['zzunseenzz'],
      examples: [
        'the client never opened my proposal',
        'she did not even look at my application',
        'my proposal is still unread',
        'he never read my bid',
        'the client ignored what i sent',
        'nobody looked at my proposal',
      ],
    },
    {
      caseId: 'case.hired',
      text: 'Nothing comes back when someone else is hired.',
      signals: ['zzhiredzz'],
      examples: [
        'the client hired another freelancer',
        'someone else got the job',
        'they picked a different person',
        'the job went to another applicant',
        'the contract was given to somebody else',
        'another bidder won the project',
      ],
    },
  ],
};

// Hundreds of sentences that name no case, many in the same words (client, proposal, job): the
// imbalance every real entry has, where "no case" outnumbers each case by a hundred to one.
const subjects = ['the client', 'my client', 'a client', 'the freelancer', 'my agency', 'the team'];
const actions = [
  'asked me to update my profile',
  'wants a video call about the job',
  'sent a message about the milestone',
  'paid the invoice for the project',
  'left a review on my proposal page',
  'changed the budget of the job',
  'asked how to write a better proposal',
  'opened a dispute about the payment',
  'requested a withdrawal to the bank',
  'asked about the service fee',
  'looked at the tax form',
  'could not verify the identity',
  'set up the hourly tracker',
  'moved the deadline of the project',
  'read the terms of the contract',
  'wants to know about the job success score',
  'opened a new job for another project',
  'gave me feedback on the proposal',
  'hired me for a second contract',
  'did not pay the last invoice',
  'asked another freelancer about the project',
  'wants my proposal in another language',
];
const times = ['', 'yesterday ', 'last week ', 'today '];
const elsewhere = subjects.flatMap((subject) =>
  actions.flatMap((action) => times.map((time) => `${time}${subject} ${action}`)),
);

describe('CaseReader', () => {
  const reader = CaseReader.train(entry, analyzer, elsewhere);
  const casesOf = (text: string) => reader.casesIn([{ analysis: analyzer.analyse(text), relevant: true }]);

  it('recognises a case told in other words, among far more sentences that name none', () => {
    expect(casesOf('the client did not open my proposal at all')).toEqual(['case.unseen']);
    expect(casesOf('the job was given to another freelancer')).toEqual(['case.hired']);
  });

  it('names no case in a plain question or in a sentence of another topic', () => {
    expect(casesOf('do i get those connects back?')).toEqual([]);
    expect(casesOf('my client asked me to update my profile again')).toEqual([]);
  });

  it('reads a case only in sentences relevant to the entry, but a signal phrase anywhere', () => {
    const irrelevant = (text: string) =>
      reader.casesIn([{ analysis: analyzer.analyse(text), relevant: false }]);
    expect(irrelevant('the client did not open my proposal at all')).toEqual([]);
    expect(irrelevant('this one says zzhiredzz')).toEqual(['case.hired']);
  });
});

describe('CaseReader.namesACase', () => {
  const expiring: FaqEntry = {
    ...entry,
    parts: [
      {
        caseId: 'case.expired',
        text: 'Nothing comes back when the post expires.',
        signals: ['expire', 'job expire'],
        examples: ['the post ran out after a month'],
      },
    ],
  };
  const reader = CaseReader.train(expiring, analyzer, elsewhere);
  const names = (text: string, subjectWords?: ReadonlySet<string>) =>
    reader.namesACase([analyzer.analyse(text)], subjectWords);

  it("does not count a phrase made only of another topic's subject words", () => {
    // To an entry about Connects expiring, "expire" is the whole question, not a job's situation.
    const expiryWords = new Set(analyzer.canonical('expire'));
    expect(names('refund or expire?')).toBe(true);
    expect(names('refund or expire?', expiryWords)).toBe(false);
    // A phrase with a word of its own still tells the situation.
    expect(names('what happens if the job expired?', expiryWords)).toBe(true);
  });
});
