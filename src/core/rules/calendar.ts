// UTC calendar arithmetic. Policy dates are UTC (docs/policy.md), so nothing here looks at the local zone.

const DAY_MS = 86_400_000;

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Midnight UTC of the instant's day. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/**
 * The same time of day `months` later; a day the target month lacks becomes its last day
 * (29 February plus twelve months is 28 February).
 */
export function addMonths(instant: Date, months: number): Date {
  const total = instant.getUTCFullYear() * 12 + instant.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(instant.getUTCDate(), daysInMonth(year, monthIndex));
  const result = new Date(instant.getTime());
  result.setUTCFullYear(year, monthIndex, day);
  return result;
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** The billing date in a month: the billing day, or the month's last day when it is shorter. */
export function billingDateIn(year: number, monthIndex: number, billingDay: number): Date {
  return new Date(Date.UTC(year, monthIndex, Math.min(billingDay, daysInMonth(year, monthIndex))));
}

/** The billing date `offset` months after the month of `instant` (0: that month's). */
export function billingDateFrom(instant: Date, billingDay: number, offset: number): Date {
  const total = instant.getUTCFullYear() * 12 + instant.getUTCMonth() + offset;
  const year = Math.floor(total / 12);
  return billingDateIn(year, total - year * 12, billingDay);
}

/** "12th", "1st", "23rd": how a member names their billing day. */
export function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "12 December 2026": unambiguous in every kind of English. */
export function longDate(instant: Date): string {
  return LONG_DATE.format(instant);
}
