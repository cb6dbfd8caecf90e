import { describe, expect, it } from 'vitest';
import { utcDate } from '../../../src/core/rules/calendar.js';
import { monthlyGrantSchedule } from '../../../src/core/rules/grants.js';
import { agency, freelancer, grant, instant, monthly } from '../../helpers/ledger.js';

function schedule(billingDay: number, now: string, ...ledger: Parameters<typeof freelancer>[0]) {
  const account = freelancer(ledger, billingDay);
  const first = ledger.map((entry) => entry.at).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const result = monthlyGrantSchedule(account, instant(now), first);
  return {
    next: result.next === null ? null : utcDate(result.next),
    missing: result.missingCycle === null ? null : utcDate(result.missingCycle),
  };
}

describe('next monthly grant', () => {
  it('is the next billing date when the current cycle has its grant', () => {
    expect(
      schedule(12, '2026-11-27T12:00:00Z', grant('s', '2026-06-03', 40), monthly('m', '2026-11-12')),
    ).toEqual({
      next: '2026-12-12',
      missing: null,
    });
  });

  it('is today on the billing day before the grant arrives, and next month once it has', () => {
    const signup = grant('s', '2026-01-03', 40);
    const before = [signup, monthly('m10', '2026-10-12')];
    expect(schedule(12, '2026-11-12T06:00:00Z', ...before)).toEqual({ next: '2026-11-12', missing: null });
    expect(schedule(12, '2026-11-12T06:00:00Z', ...before, monthly('m11', '2026-11-12T05:00:00Z')).next).toBe(
      '2026-12-12',
    );
  });

  it('clamps billing day 31 to short months', () => {
    const signup = grant('s', '2026-01-01', 40);
    expect(schedule(31, '2026-04-02', signup, monthly('m', '2026-03-31')).next).toBe('2026-04-30');
    expect(schedule(31, '2027-02-01', signup, monthly('m', '2027-01-31')).next).toBe('2027-02-28');
    expect(schedule(31, '2028-02-01', signup, monthly('m', '2028-01-31')).next).toBe('2028-02-29');
    expect(schedule(31, '2026-05-01', signup, monthly('m', '2026-04-30')).next).toBe('2026-05-31');
  });

  it('clamps 29 and 30 in February, leap years included', () => {
    const signup = grant('s', '2025-01-01', 40);
    expect(schedule(29, '2026-02-10', signup, monthly('m', '2026-01-29')).next).toBe('2026-02-28');
    expect(schedule(29, '2028-02-10', signup, monthly('m', '2028-01-29')).next).toBe('2028-02-29');
    expect(schedule(30, '2026-02-10', signup, monthly('m', '2026-01-30')).next).toBe('2026-02-28');
    // A late February grant covers the clamped cycle; March goes back to the 30th.
    expect(schedule(30, '2026-03-01', signup, monthly('m', '2026-02-28')).next).toBe('2026-03-30');
  });

  it('is null for agencies, which get no monthly grant', () => {
    const result = monthlyGrantSchedule(agency([]), instant('2026-11-27'), null);
    expect(result).toEqual({ next: null, missingCycle: null, last: null });
  });
});

describe('missing monthly grant', () => {
  it('flags the latest past cycle with no grant', () => {
    expect(
      schedule(
        29,
        '2026-11-27T12:00:00Z',
        grant('s', '2025-12-20', 40),
        monthly('m1', '2025-12-29'),
        monthly('m2', '2026-09-29'),
      ),
    ).toEqual({ next: '2026-11-29', missing: '2026-10-29' });
  });

  it('accepts a grant that arrives late within its cycle', () => {
    expect(
      schedule(12, '2026-11-27', grant('s', '2026-01-01', 40), monthly('m', '2026-11-14')).missing,
    ).toBeNull();
  });

  it('does not flag the billing day itself: the grant may still come today', () => {
    expect(
      schedule(27, '2026-11-27T23:00:00Z', grant('s', '2026-01-01', 40), monthly('m', '2026-10-27')).missing,
    ).toBeNull();
  });

  it('does not flag a cycle that began before the account existed', () => {
    expect(schedule(12, '2026-11-27', grant('s', '2026-11-20', 40))).toEqual({
      next: '2026-12-12',
      missing: null,
    });
    expect(schedule(12, '2026-11-27', grant('s', '2026-11-12T10:00:00Z', 40)).missing).toBe('2026-11-12');
  });

  it('never flags an agency', () => {
    const result = monthlyGrantSchedule(
      agency([grant('s', '2025-01-01', 40)]),
      instant('2026-11-27'),
      instant('2025-01-01'),
    );
    expect(result.missingCycle).toBeNull();
  });
});
