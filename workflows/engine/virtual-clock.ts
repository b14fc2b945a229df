/** A clock that only moves when told to (tests) or jumps to the next timer when idle (`--fast-time`). */
import type { Clock, TimerHandle } from './clock';

type PendingTimer = { dueAt: number; seq: number; fire: () => void };

/** Options of a virtual clock. */
export type VirtualClockOptions = {
  /** Start instant (epoch ms); defaults to 2024-01-01T00:00:00Z. */
  start?: number;
  /** Jump straight to the next timer whenever the process has nothing else to do. */
  autoAdvance?: boolean;
  /** With autoAdvance: only jump while this says nothing real is in progress (e.g. no task handler running). */
  isIdle?: () => boolean;
};

const DEFAULT_START = Date.UTC(2024, 0, 1);

/** Lets every pending promise continuation and I/O callback run once. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Virtual time: `advance(ms)` fires due timers in order, letting the engine run between them. */
export class VirtualClock implements Clock {
  private current: number;
  private timers: PendingTimer[] = [];
  private seq = 0;
  private autoScheduled = false;
  private readonly autoAdvance: boolean;
  private readonly isIdle: () => boolean;

  constructor({ start = DEFAULT_START, autoAdvance = false, isIdle = () => true }: VirtualClockOptions = {}) {
    this.current = start;
    this.autoAdvance = autoAdvance;
    this.isIdle = isIdle;
  }

  now(): number {
    return this.current;
  }

  setTimer(dueAt: number, fire: () => void): TimerHandle {
    const timer: PendingTimer = { dueAt, seq: this.seq++, fire };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    this.scheduleAuto();
    return { cancel: () => this.remove(timer) };
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer due on the way and settling after each. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves time to `instant`, firing every timer due on the way and settling after each. */
  async advanceTo(instant: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.dueAt > instant) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.dueAt);
      next.fire();
      await settle();
    }
    this.current = Math.max(this.current, instant);
    await settle();
  }

  /** Fires timers one after another (jumping time) until none is left or `maxTimers` fired. */
  async runAll(maxTimers = 10_000): Promise<void> {
    await settle();
    for (let fired = 0; fired < maxTimers; fired++) {
      const next = this.timers.shift();
      if (!next) return;
      this.current = Math.max(this.current, next.dueAt);
      next.fire();
      await settle();
    }
  }

  private remove(timer: PendingTimer): void {
    const index = this.timers.indexOf(timer);
    if (index >= 0) this.timers.splice(index, 1);
  }

  private scheduleAuto(): void {
    if (!this.autoAdvance || this.autoScheduled) return;
    this.autoScheduled = true;
    setTimeout(() => {
      this.autoScheduled = false;
      const next = this.isIdle() ? this.timers.shift() : undefined;
      if (next) {
        this.current = Math.max(this.current, next.dueAt);
        next.fire();
      }
      if (this.timers.length) this.scheduleAuto();
    }, 1);
  }
}
