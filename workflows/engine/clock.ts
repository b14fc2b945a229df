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

/** One wall-clock timer (an object, not closures: parked executions each hold one for days). */
class SystemTimer implements TimerHandle {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dueAt: number,
    private readonly fire: () => void,
  ) {
    this.arm();
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    const delay = this.dueAt - Date.now();
    if (delay <= 0) this.timer = setTimeout(this.fire, 0);
    else if (delay > MAX_TIMEOUT_MS) this.timer = setTimeout(() => this.arm(), MAX_TIMEOUT_MS);
    else this.timer = setTimeout(this.fire, delay);
  }
}

/** The wall clock: `Date.now()` and `setTimeout`, chaining timers past setTimeout's 24.8-day limit. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (dueAt, fire) => new SystemTimer(dueAt, fire),
};
