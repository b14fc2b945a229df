/**
 * The durable log of one execution: history events and memoised effects, each under a
 * deterministic key (scope path + position, see scope.ts). Replaying an execution after a
 * restart re-runs the interpreter from the start; `emit` and `memo` then return what was already
 * recorded instead of recording it twice, so nothing happens twice and the run continues live
 * from the first key that was never written.
 */
import type { JsonValue } from '../asl';
import type { ExecutionStore } from './execution-store';
import type { EventDetails, HistoryEvent } from './history-event';

/** Events and effects of one execution, loaded for replay and appended as the run goes. */
export class Journal {
  /** Events loaded for replay and not replayed yet (none once the run is live: a parked run keeps no history). */
  private events: Map<string, HistoryEvent> | undefined;
  private readonly effects: Map<string, JsonValue>;
  private lastId = 0;

  constructor(
    private readonly store: ExecutionStore,
    readonly executionArn: string,
    /** Hears each newly appended event (not replayed ones). */
    private readonly onAppend?: (executionArn: string) => void,
  ) {
    const loaded = store.listEvents(executionArn);
    if (loaded.length) {
      const events = new Map<string, HistoryEvent>();
      for (const { key, event } of loaded) {
        events.set(key, { id: event.id, previousEventId: event.previousEventId, timestamp: event.timestamp, type: event.type });
        this.lastId = Math.max(this.lastId, event.id);
      }
      this.events = events;
    }
    this.effects = store.listEffects(executionArn);
  }

  /** Id of the newest event. */
  get lastEventId(): number {
    return this.lastId;
  }

  /** Records an event under `key`, or returns the one recorded there before (callers must not change it). */
  emit(key: string, type: string, details: EventDetails | undefined, previousEventId: number, now: number): HistoryEvent {
    // Only events loaded for replay are in the map (keys are never reused within a run): live runs skip the lookup.
    const events = this.events;
    const existing = events?.get(key);
    if (events && existing) {
      // Each key is replayed once: drop it so a long-parked execution does not keep its history in memory.
      events.delete(key);
      if (!events.size) this.events = undefined;
      return existing;
    }
    const event: HistoryEvent = details
      ? { id: ++this.lastId, previousEventId, timestamp: now, type, details }
      : { id: ++this.lastId, previousEventId, timestamp: now, type };
    this.store.appendEvent(this.executionArn, key, event);
    this.onAppend?.(this.executionArn);
    return event;
  }

  /** Makes everything recorded so far durable (before a side effect leaves the process). */
  flush(): void {
    this.store.flush();
  }

  /** The effect recorded under `key`, if any. */
  recalled(key: string): JsonValue | undefined {
    return this.effects.get(key);
  }

  /** Records an effect's result under `key`. */
  remember(key: string, value: JsonValue): void {
    this.effects.set(key, value);
    this.store.putEffect(this.executionArn, key, value);
  }

  /**
   * Runs `compute` once per key across replays: returns the recorded value when there is one
   * (values must be JSON). Nothing asks for a memo's key again in the same run, so its value is
   * only written to the store, and a replayed one is dropped once used: a parked execution does
   * not keep its task results in memory (`recalled` sees `remember` and `memoSync` values only).
   */
  async memo<T>(key: string, compute: () => T | Promise<T>): Promise<T> {
    const recorded = this.effects.get(key);
    if (recorded !== undefined) {
      this.effects.delete(key);
      return recorded as T;
    }
    const value = await compute();
    this.store.putEffect(this.executionArn, key, value as JsonValue);
    return value;
  }

  /** Like `memo`, for computations without awaits. */
  memoSync<T>(key: string, compute: () => T): T {
    const recorded = this.effects.get(key);
    if (recorded !== undefined) return recorded as T;
    const value = compute();
    this.remember(key, value as JsonValue);
    return value;
  }
}
