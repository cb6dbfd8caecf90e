// Limits that keep a moderator's typo from doing damage; Discord also enforces them as one types.

export const MAX_NOTICE_HOURS = 24 * 14;
export const MAX_NOTICE_CHARS = 500;
export const MAX_MUTE_HOURS = 24 * 30;
export const MAX_LEDGER_AMOUNT = 10_000;
export const MAX_REASON_CHARS = 500;
export const HOUR_MS = 3_600_000;
