import { describe, expect, it } from 'vitest';
import { argsFrom, choice, integer, optional, text } from '../../../src/core/commands/arguments.js';

const parameters = [
  text('reason', { description: '', label: 'REASON', maxLength: 50 }),
  integer('amount', { description: '', label: 'AMOUNT', min: 1, max: 9 }),
  choice('outcome', { description: '', label: 'OUTCOME', choices: ['hired', 'expired'] }),
  optional(integer('hours', { description: '', label: 'HOURS', min: 1, max: 9 })),
] as const;

describe('argsFrom', () => {
  it('keeps what fits the parameters and drops what no parameter names', () => {
    expect(argsFrom(parameters, { reason: 'r', amount: 2, outcome: 'hired', action: 'x' })).toEqual({
      reason: 'r',
      amount: 2,
      outcome: 'hired',
    });
    expect(argsFrom(parameters, { reason: '', amount: 2, outcome: 'hired', hours: 3 })).toEqual({
      reason: '',
      amount: 2,
      outcome: 'hired',
      hours: 3,
    });
  });

  it('says in one line what does not fit', () => {
    expect(argsFrom(parameters, { amount: 2, outcome: 'hired' })).toBe('REASON is missing.');
    expect(argsFrom(parameters, { reason: 'r', amount: '2', outcome: 'hired' })).toBe(
      'AMOUNT must be a whole number.',
    );
    expect(argsFrom(parameters, { reason: 3, amount: 2, outcome: 'hired' })).toBe('REASON must be text.');
    expect(argsFrom(parameters, { reason: 'r', amount: 2, outcome: 'won' })).toBe(
      'OUTCOME must be one of: hired, expired.',
    );
  });
});
