/**
 * Time that runs faster than the wall clock by a fixed factor (`statecraft engine --time-scale`):
 * a 60-second poll takes 60 ms at ×1000, while approvals still leave time to decide. Virtual time
 * is a pure function of wall time and the anchor, so a restarted process continues where the last
 * one stopped when given the same anchor.
 */
import type { Clock, TimerHandle } from './clock';

/** How time is scaled: `scale` virtual ms per real ms, counted from `anchor` (epoch ms). */
export type ScaledClockOptions = { scale: number; anchor: number };

/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export class ScaledClock implements Clock {
  private readonly scale: number;
  private readonly anchor: number;

  constructor({ scale, anchor }: ScaledClockOptions) {
    if (!(scale >= 1)) throw new RangeError(`time scale must be at least 1, got ${scale}`);
    this.scale = scale;
    this.anchor = anchor;
  }

  now(): number {
    return Math.floor(this.anchor + (Date.now() - this.anchor) * this.scale);
  }

  setTimer(dueAt: number, fire: () => void): TimerHandle {
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = (dueAt - this.now()) / this.scale;
      if (delay <= 0) timer = setTimeout(fire, 0);
      else if (delay > MAX_TIMEOUT_MS) timer = setTimeout(arm, MAX_TIMEOUT_MS);
      else timer = setTimeout(() => (this.now() >= dueAt ? fire() : arm()), Math.ceil(delay));
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  }
}
