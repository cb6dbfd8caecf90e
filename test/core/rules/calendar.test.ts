import { describe, expect, it } from 'vitest';
import {
  addMonths,
  billingDateFrom,
  billingDateIn,
  ordinal,
  utcDate,
} from '../../../src/core/rules/calendar.js';

const d = (iso: string) => new Date(iso);

describe('addMonths', () => {
  it('keeps the time of day and moves the calendar month', () => {
    expect(addMonths(d('2026-06-03T09:00:00Z'), 12).toISOString()).toBe('2027-06-03T09:00:00.000Z');
    expect(addMonths(d('2026-11-30T23:59:59Z'), 1).toISOString()).toBe('2026-12-30T23:59:59.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(utcDate(addMonths(d('2028-02-29T10:00:00Z'), 12))).toBe('2029-02-28');
    expect(utcDate(addMonths(d('2026-01-31T00:00:00Z'), 1))).toBe('2026-02-28');
    expect(utcDate(addMonths(d('2027-01-31T00:00:00Z'), 13))).toBe('2028-02-29');
    expect(utcDate(addMonths(d('2026-03-31T00:00:00Z'), -1))).toBe('2026-02-28');
  });

  it('crosses year boundaries both ways', () => {
    expect(utcDate(addMonths(d('2026-12-15T00:00:00Z'), 1))).toBe('2027-01-15');
    expect(utcDate(addMonths(d('2026-01-15T00:00:00Z'), -1))).toBe('2025-12-15');
  });
});

describe('billing dates', () => {
  it('falls on the billing day, or the last day of a shorter month', () => {
    expect(utcDate(billingDateIn(2026, 3, 31))).toBe('2026-04-30');
    expect(utcDate(billingDateIn(2026, 1, 31))).toBe('2026-02-28');
    expect(utcDate(billingDateIn(2028, 1, 31))).toBe('2028-02-29');
    expect(utcDate(billingDateIn(2028, 1, 29))).toBe('2028-02-29');
    expect(utcDate(billingDateIn(2026, 1, 29))).toBe('2026-02-28');
    expect(utcDate(billingDateIn(2026, 1, 30))).toBe('2026-02-28');
    expect(utcDate(billingDateIn(2026, 0, 31))).toBe('2026-01-31');
  });

  it('counts months from an instant', () => {
    expect(utcDate(billingDateFrom(d('2026-11-27T12:00:00Z'), 12, 1))).toBe('2026-12-12');
    expect(utcDate(billingDateFrom(d('2026-12-27T12:00:00Z'), 31, 2))).toBe('2027-02-28');
    expect(utcDate(billingDateFrom(d('2026-01-05T00:00:00Z'), 24, -1))).toBe('2025-12-24');
  });
});

describe('ordinal', () => {
  it('names billing days as members do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 31].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '24th',
      '31st',
    ]);
  });
});
