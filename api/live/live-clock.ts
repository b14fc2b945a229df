/**
 * Time as the live socket sees it (token expiry): injected so tests run it in virtual time. The
 * shape matches the engine's Clock, so a test can pass its virtual clock without api importing
 * the engine.
 */

/** A scheduled callback that can be cancelled. */
export type LiveTimer = { cancel(): void };

/** The current instant and timers at absolute instants (epoch ms). */
export type LiveClock = {
  now(): number;
  setTimer(dueAt: number, fire: () => void): LiveTimer;
};

/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The wall clock: `Date.now()` and unref'd `setTimeout`, chained past setTimeout's 24.8-day limit. */
export const systemLiveClock: LiveClock = {
  now: () => Date.now(),
  setTimer(dueAt, fire) {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = Math.max(0, dueAt - Date.now());
      timer = delay > MAX_TIMEOUT_MS ? setTimeout(arm, MAX_TIMEOUT_MS) : setTimeout(fire, delay);
      timer.unref();
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  },
};
