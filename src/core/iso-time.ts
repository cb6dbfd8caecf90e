// The ISO 8601 forms the contract accepts for instants: a date (midnight UTC) or a date-time with a
// zone. Anything JavaScript would quietly roll over (30 February) is refused.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoInstant(value: string): Date | undefined {
  const isDate = ISO_DATE.test(value);
  if (!isDate && !ISO_DATE_TIME.test(value)) return undefined;
  const date = new Date(isDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  // The calendar date must survive the round trip; with an offset, check the written fields instead.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return date;
}
