/**
 * One sequential thread of an execution: the top level, a Parallel branch or a Map iteration.
 * Every event and memoised effect takes the scope's next position, so its key
 * (`r/4.2#7` = root position 4 spawned iteration 2, its 8th step) is the same on every replay.
 */
import type { JsonValue } from '../asl';
import { ExecutionInterrupted, StatesError } from './errors';
import type { ExecutionRun } from './execution-run';
import type { EventDetails } from './history-event';
import type { JournalEvent } from './journal';
import { markAttributed } from './attribute-failure';
import type { VariableFrame } from './variable-frame';

/** `$$.Map.Item` of a Map iteration. */
export type MapItemContext = { Index: number; Value: JsonValue };

/** How a child scope is created. */
export type ChildScopeOptions = {
  index: number;
  variables: VariableFrame;
  signal: AbortSignal;
  /** Distributed Map iterations run as child workflows: their events stay out of the parent's history. */
  silent?: boolean;
};

/** AWS's quota: an execution whose history reaches 25,000 events fails. */
export const MAX_HISTORY_EVENTS = 25_000;

/** Builds the key of position `position` in the scope at `path`, in redrive generation `generation`. */
function keyOf(path: string, position: number, generation: number): string {
  return generation ? `g${generation}:${path}#${position}` : `${path}#${position}`;
}

/** A sequential scope of an execution, with its own positions, variables and cancellation. */
export class Scope {
  private position = 0;

  constructor(
    readonly run: ExecutionRun,
    readonly path: string,
    readonly variables: VariableFrame,
    readonly signal: AbortSignal,
    public lastEventId: number,
    private readonly generationAt: (position: number) => number,
    readonly silent = false,
  ) {}

  /** Takes the next position and returns its key. */
  nextKey(): string {
    const position = this.position++;
    return keyOf(this.path, position, this.generationAt(position));
  }

  /** Throws ExecutionInterrupted when this scope was cancelled. */
  checkInterrupted(): void {
    if (!this.signal.aborted) return;
    const reason: unknown = this.signal.reason;
    throw reason instanceof ExecutionInterrupted ? reason : new ExecutionInterrupted('aborted');
  }

  /** Appends a history event (or finds it, when replaying) and chains `previousEventId`. */
  emit(type: string, details?: EventDetails): JournalEvent {
    this.checkInterrupted();
    if (this.run.journal.lastEventId >= MAX_HISTORY_EVENTS) {
      throw markAttributed(new StatesError('States.Runtime', `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`));
    }
    return this.record(type, details);
  }

  /** Records an event even though the scope was interrupted (`…Aborted`, the execution's closing event). */
  emitFinal(type: string, details?: EventDetails): JournalEvent {
    return this.record(type, details);
  }

  /** Runs `compute` once across replays (see Journal.memo). */
  memo<T>(compute: () => T | Promise<T>): Promise<T> {
    this.checkInterrupted();
    return this.run.journal.memo(this.nextKey(), compute);
  }

  /** Like `memo`, giving `compute` the key it is recorded under (task tokens embed it). */
  memoKeyed<T>(compute: (key: string) => T): { key: string; value: T } {
    this.checkInterrupted();
    const key = this.nextKey();
    return { key, value: this.run.journal.memoSync(key, () => compute(key)) };
  }

  /** Takes a position without recording anything (keeps keys aligned for optional memoisation). */
  skip(): string {
    return this.nextKey();
  }

  /** A nested scope spawned at this scope's next position. */
  child(spawnKey: { position: number }, options: ChildScopeOptions): Scope {
    const generation = this.generationAt(spawnKey.position);
    return new Scope(
      this.run,
      `${this.path}/${spawnKey.position}.${options.index}`,
      options.variables,
      options.signal,
      this.lastEventId,
      () => generation,
      this.silent || options.silent === true,
    );
  }

  /** Continues the event chain after nested scopes: the next event follows the latest of theirs. */
  follow(children: readonly Scope[]): void {
    for (const child of children) if (!child.silent) this.lastEventId = Math.max(this.lastEventId, child.lastEventId);
  }

  private record(type: string, details: EventDetails | undefined): JournalEvent {
    const key = this.nextKey();
    const now = this.run.clock.now();
    if (this.silent) return { id: this.lastEventId, previousEventId: this.lastEventId, timestamp: now, type, replayed: false };
    const event = this.run.journal.emit(key, type, details, this.lastEventId, now);
    this.lastEventId = event.id;
    return event;
  }

  /** Reserves a position for spawning child scopes (one per Map/Parallel run). */
  reserveSpawn(): { position: number } {
    return { position: this.position++ };
  }

  /** Resolves at `dueAt` on the run's clock; rejects with ExecutionInterrupted if cancelled first. */
  sleepUntil(dueAt: number): Promise<void> {
    this.checkInterrupted();
    if (dueAt <= this.run.clock.now()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        timer.cancel();
        try {
          this.checkInterrupted();
        } catch (error) {
          reject(error);
        }
      };
      const timer = this.run.clock.setTimer(dueAt, () => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      });
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Races `work` against this scope's cancellation. */
  async guard<T>(work: Promise<T>): Promise<T> {
    this.checkInterrupted();
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<never>((_, reject) => {
      onAbort = () => {
        try {
          this.checkInterrupted();
        } catch (error) {
          reject(error);
        }
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, interrupted]);
    } finally {
      if (onAbort) this.signal.removeEventListener('abort', onAbort);
    }
  }
}
