/**
 * One sequential thread of an execution: the top level, a Parallel branch or a Map iteration.
 * Every event and memoised effect takes the scope's next position, so its key
 * (`r/4.2#7` = root position 4 spawned iteration 2, its 8th step) is the same on every replay.
 */
import type { JsonValue } from '../asl';
import { ExecutionInterrupted, StatesError } from './errors';
import type { ExecutionRun } from './execution-run';
import type { EventDetails, HistoryEvent } from './history-event';
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

/**
 * AWS's quota for Standard workflows: an execution whose history reaches 25,000 events fails.
 * Express workflows keep no execution history in Step Functions, so the quota does not apply.
 * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-state-machine-executions
 */
export const MAX_HISTORY_EVENTS = 25_000;

/** Builds the key of position `position` in the scope at `path`, in redrive generation `generation`. */
function keyOf(path: string, position: number, generation: number): string {
  return generation ? `g${generation}:${path}#${position}` : `${path}#${position}`;
}

/** What a scope is made of. */
export type ScopeOptions = {
  /** Its place in the execution (`r` at the top, `r/4.2` for iteration 2 spawned at root position 4). */
  path: string;
  variables: VariableFrame;
  signal: AbortSignal;
  /** The event its first event follows. */
  lastEventId: number;
  /** The redrive generation of each of its positions. */
  generationAt: (position: number) => number;
  /** Records no events (Distributed Map iterations, whose events belong to child executions). */
  silent?: boolean;
  /** Runs beside sibling scopes (Parallel branches, Map iterations): the run loop lets them interleave. */
  interleaved?: boolean;
};

/** A sequential scope of an execution, with its own positions, variables and cancellation. */
export class Scope {
  readonly path: string;
  readonly variables: VariableFrame;
  readonly signal: AbortSignal;
  lastEventId: number;
  readonly silent: boolean;
  readonly interleaved: boolean;
  private readonly generationAt: (position: number) => number;
  private position = 0;

  constructor(
    readonly run: ExecutionRun,
    options: ScopeOptions,
  ) {
    this.path = options.path;
    this.variables = options.variables;
    this.signal = options.signal;
    this.lastEventId = options.lastEventId;
    this.generationAt = options.generationAt;
    this.silent = options.silent ?? false;
    this.interleaved = options.interleaved ?? false;
  }

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
  emit(type: string, details?: EventDetails): HistoryEvent {
    this.checkInterrupted();
    if (this.run.journal.lastEventId >= MAX_HISTORY_EVENTS && this.run.record.type !== 'EXPRESS') {
      throw markAttributed(
        new StatesError('States.Runtime', `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`),
      );
    }
    return this.record(type, details);
  }

  /** Records an event even though the scope was interrupted (`…Aborted`, the execution's closing event). */
  emitFinal(type: string, details?: EventDetails): HistoryEvent {
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

  /** Takes a position without recording anything and returns its key (a task attempt's key). */
  skip(): string {
    return this.nextKey();
  }

  /** Takes a position without recording anything (keeps keys aligned for optional memoisation). */
  advance(): void {
    this.position++;
  }

  /** A nested scope spawned at this scope's next position. */
  child(spawnKey: { position: number }, options: ChildScopeOptions): Scope {
    const generation = this.generationAt(spawnKey.position);
    return new Scope(this.run, {
      path: `${this.path}/${spawnKey.position}.${options.index}`,
      variables: options.variables,
      signal: options.signal,
      lastEventId: this.lastEventId,
      generationAt: () => generation,
      silent: this.silent || options.silent === true,
      interleaved: true,
    });
  }

  /** Continues the event chain after nested scopes: the next event follows the latest of theirs. */
  follow(children: readonly Scope[]): void {
    for (const child of children) if (!child.silent) this.lastEventId = Math.max(this.lastEventId, child.lastEventId);
  }

  private record(type: string, details: EventDetails | undefined): HistoryEvent {
    const now = this.run.clock.now();
    if (this.silent) {
      this.position++;
      return { id: this.lastEventId, previousEventId: this.lastEventId, timestamp: now, type };
    }
    const key = this.nextKey();
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
