/** Time as the engine sees it: injected so waits, retries and timeouts run in virtual time in tests. */

/** A scheduled callback that can be cancelled. */
export type TimerHandle = { cancel(): void };

/** The engine's only source of time: the current instant and timers at absolute instants (epoch ms). */
export type Clock = {
  now(): number;
  setTimer(dueAt: number, fire: () => void): TimerHandle;
};

/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The wall clock: `Date.now()` and `setTimeout`, chaining timers past setTimeout's 24.8-day limit. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(dueAt, fire) {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = dueAt - Date.now();
      if (delay <= 0) {
        timer = setTimeout(fire, 0);
        return;
      }
      timer = setTimeout(delay > MAX_TIMEOUT_MS ? arm : fire, Math.min(delay, MAX_TIMEOUT_MS));
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  },
};
