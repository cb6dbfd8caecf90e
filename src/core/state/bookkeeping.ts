// When what the bot remembers about an event (the question, its figures, a member's feedback) is
// written: inline, before the reply (commands, tests: what they read next is already there), or
// after it, so that no member's answer waits on a write (the running bot).

export interface Recording {
  /** What the caller waits for before it replies: the work itself inline, nothing after the reply. */
  readonly wait: Promise<void>;
  /** The work's end, whichever way it ran; never rejects when the work runs after the reply. */
  readonly done: Promise<void>;
}

export interface Bookkeeping {
  record(work: () => Promise<void>): Recording;
  /** Resolves once every recording started so far has ended (before the stores close). */
  settled(): Promise<void>;
}

/** The work runs now and the caller waits for it; a failure reaches the caller. */
export const INLINE_BOOKKEEPING: Bookkeeping = {
  record(work) {
    const running = work();
    return { wait: running, done: running.catch(() => undefined) };
  },
  settled: async () => undefined,
};

/**
 * The work runs once the reply is on its way (the next turn of the event loop), recordings started
 * together running together; a failure is reported to `onError` (logged), never to the member.
 */
export class AfterReply implements Bookkeeping {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  record(work: () => Promise<void>): Recording {
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => this.onError(error));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return { wait: Promise.resolve(), done };
  }

  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
