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

/** An event as `emit` returns it, with whether it had been recorded before. */
export type JournalEvent = HistoryEvent & { replayed: boolean };

/** Events and effects of one execution, loaded for replay and appended as the run goes. */
export class Journal {
  private readonly events = new Map<string, HistoryEvent>();
  private readonly effects: Map<string, JsonValue>;
  private lastId = 0;

  constructor(
    private readonly store: ExecutionStore,
    readonly executionArn: string,
  ) {
    for (const { key, event } of store.listEvents(executionArn)) {
      this.events.set(key, { id: event.id, previousEventId: event.previousEventId, timestamp: event.timestamp, type: event.type });
      this.lastId = Math.max(this.lastId, event.id);
    }
    this.effects = store.listEffects(executionArn);
  }

  /** Id of the newest event. */
  get lastEventId(): number {
    return this.lastId;
  }

  /** Records an event under `key`, or returns the one recorded there before. */
  emit(key: string, type: string, details: EventDetails | undefined, previousEventId: number, now: number): JournalEvent {
    const existing = this.events.get(key);
    if (existing) {
      // Each key is replayed once: drop it so a long-parked execution does not keep its history in memory.
      this.events.delete(key);
      return { id: existing.id, previousEventId: existing.previousEventId, timestamp: existing.timestamp, type: existing.type, replayed: true };
    }
    // Keys are never reused within a run, so only events loaded for replay are kept in the map.
    const event: JournalEvent = { id: ++this.lastId, previousEventId, timestamp: now, type, replayed: false };
    const stored: HistoryEvent = details ? { id: event.id, previousEventId, timestamp: now, type, details } : { id: event.id, previousEventId, timestamp: now, type };
    this.store.appendEvents(this.executionArn, [{ key, event: stored }]);
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

  /** Runs `compute` once per key across replays: returns the recorded value when there is one (values must be JSON). */
  async memo<T>(key: string, compute: () => T | Promise<T>): Promise<T> {
    const recorded = this.effects.get(key);
    if (recorded !== undefined) return recorded as T;
    const value = await compute();
    this.remember(key, value as JsonValue);
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
