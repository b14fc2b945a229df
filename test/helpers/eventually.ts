/**
 * The one way tests wait for something that happens in real time (a server, a child process, a
 * socket): poll `probe` until it yields a value, with a deadline, and say what never came.
 */

export type EventuallyOptions = {
  /** The longest to wait, in milliseconds (default 5 s). */
  timeout?: number;
  /** Between probes, in milliseconds (default 10). */
  interval?: number;
  /** What is awaited, for the failure message. */
  what?: string;
};

/** The first value `probe` yields that is neither undefined nor false; fails after `timeout`. */
export async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeout = 5000, interval = 10, what = 'the condition' }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
