// One way to give work a time limit (a connection at start-up, a shutdown, a store's first answer):
// race it against a timer that is cleared as soon as the race is decided, so nothing is left
// holding the process open, and a hung promise with no handle of its own still meets its limit.

export const TIME_UP = Symbol('time up');

/** What `work` settles with, or TIME_UP when it has not settled within `ms`. Its rejection passes through. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIME_UP> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<typeof TIME_UP>((resolve) => {
    timer = setTimeout(() => resolve(TIME_UP), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
