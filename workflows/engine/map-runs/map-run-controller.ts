/**
 * Drives one Map Run: starts a child execution per item (or batch), in item order, at most
 * `maxConcurrency` at once, and collects their outcomes. Settings are read from the stored run
 * each time a child closes, so UpdateMapRun applies to the children not started yet. Once the
 * failed items exceed the tolerated threshold the run fails at once and its running children are
 * stopped. After a restart it finds the children started before (their ARNs are derived from the
 * run's) and waits for them again instead of starting them twice.
 * https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html
 */
import { setMaxListeners } from 'node:events';
import type { JsonValue } from '../../asl';
import { TERMINAL_STATUSES } from '../completion-waiters';
import { ExecutionInterrupted, StatesError } from '../errors';
import type { ExecutionRecord } from '../execution-store';
import { toJsonText } from '../json-text';
import type { ChildResult } from '../run-children';
import { exceedsTolerance } from '../states/map-settings';
import { childExecutionArn, childExecutionName, labelledMachineName } from './map-run-arns';
import type { MapRunRecord } from './map-run-record';
import type { MapRuns } from './map-runs';

/** What a Map Run's children are made of. */
export type MapRunWork = {
  mapRuns: MapRuns;
  record: MapRunRecord;
  /** The parent execution (its ARN and role), the definition the children run and the clock's time. */
  parent: Pick<ExecutionRecord, 'arn' | 'roleArn'>;
  definition: string;
  now(): number;
  /** The input of child `index` (ItemSelector applied, or its batch); a StatesError fails that item. */
  inputOf(index: number): Promise<JsonValue>;
  /** How many items child `index` processes (1, or its batch's size). */
  itemsOf(index: number): number;
  /** The parent's cancellation: StopExecution, the execution timeout, a failed sibling branch, shutdown. */
  signal: AbortSignal;
  /** The run succeeded before a restart: collect its children's outputs, whatever UpdateMapRun changed since. */
  settled: boolean;
};

/** AWS's error when the failed items exceed ToleratedFailureCount/Percentage. */
export function toleranceExceeded(): StatesError {
  return new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
}

/** How a closed child ended, as the Map state's result sees it. */
function outcomeOf(child: ExecutionRecord): ChildResult<JsonValue> {
  if (child.status === 'SUCCEEDED') return { ok: true, value: child.output === undefined ? null : (JSON.parse(child.output) as JsonValue) };
  const error = child.error ?? (child.status === 'TIMED_OUT' ? 'States.Timeout' : 'States.Runtime');
  return { ok: false, error: new StatesError(error, child.cause ?? '') };
}

/** The interruption behind an aborted signal. */
function interruptionOf(signal: AbortSignal): ExecutionInterrupted {
  const reason: unknown = signal.reason;
  return reason instanceof ExecutionInterrupted ? reason : new ExecutionInterrupted('aborted');
}

/** One Map Run in progress. */
export class MapRunController {
  private readonly results: ChildResult<JsonValue>[];
  /** Children started and not closed yet, by index. */
  private readonly running = new Map<number, string>();
  private next = 0;
  private failedItems = 0;
  private stopping = false;
  private wake: () => void = () => {};
  /** Cancels the waits for children: one listener each, so it takes any number (the parent's signal gets one). */
  private readonly waits = new AbortController();

  constructor(private readonly work: MapRunWork) {
    this.results = new Array<ChildResult<JsonValue>>(work.record.childCount);
    setMaxListeners(0, this.waits.signal);
  }

  /** Runs every child; resolves to their results in item order, or throws when the run fails or is interrupted. */
  async run(): Promise<ChildResult<JsonValue>[]> {
    const { mapRuns, record, signal } = this.work;
    const unwatch = mapRuns.watch(record.arn, () => this.wake());
    const onAbort = (): void => {
      this.waits.abort(signal.reason);
      this.wake();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        if (signal.aborted) throw await this.stop(interruptionOf(signal));
        const settings = mapRuns.get(record.arn) ?? record;
        const tolerance = { count: settings.toleratedFailureCount, percentage: settings.toleratedFailurePercentage };
        if (!this.work.settled && exceedsTolerance(tolerance, this.failedItems, record.itemCount))
          throw await this.stop(toleranceExceeded());
        while (this.next < record.childCount && (settings.maxConcurrency === 0 || this.running.size < settings.maxConcurrency))
          this.launch(this.next++);
        if (this.running.size === 0) return this.results;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      unwatch();
      signal.removeEventListener('abort', onAbort);
    }
  }

  private launch(index: number): void {
    const arn = childExecutionArn(this.work.record, index);
    this.running.set(index, arn);
    void this.follow(index, arn).then((result) => {
      this.results[index] = result;
      this.running.delete(index);
      if (!result.ok && !(result.error instanceof ExecutionInterrupted)) this.failedItems += this.work.itemsOf(index);
      this.wake();
    });
  }

  /** Starts child `index` (unless it was started before a restart) and waits for it to close. */
  private async follow(index: number, arn: string): Promise<ChildResult<JsonValue>> {
    const { mapRuns, signal } = this.work;
    try {
      let child = mapRuns.child(arn);
      if (!child) {
        let input: JsonValue;
        try {
          input = await this.work.inputOf(index);
        } catch (error) {
          mapRuns.failedToStart(this.work.record.arn, index);
          throw error;
        }
        if (this.stopping || signal.aborted) return { ok: false, error: new ExecutionInterrupted('branch-cancelled') };
        child = this.childRecord(index, arn, input);
      }
      child = mapRuns.startChild(child);
      return outcomeOf(TERMINAL_STATUSES.has(child.status) ? child : await mapRuns.waitForChild(arn, this.waits.signal));
    } catch (error) {
      return { ok: false, error };
    }
  }

  private childRecord(index: number, arn: string, input: JsonValue): ExecutionRecord {
    const { record, parent } = this.work;
    return {
      arn,
      stateMachineArn: record.stateMachineArn,
      stateMachineName: labelledMachineName(record.stateMachineArn),
      name: childExecutionName(record.arn, index),
      type: record.executionType,
      status: 'RUNNING',
      definition: this.work.definition,
      roleArn: parent.roleArn,
      input: toJsonText(input),
      startedAt: this.work.now(),
      redriveCount: 0,
      parentArn: parent.arn,
      mapRunArn: record.arn,
      itemCount: this.work.itemsOf(index),
    };
  }

  /**
   * Starts no more children and, unless the engine is shutting down (the children then resume with
   * it), stops the running ones; returns `reason` to throw.
   */
  private async stop<E extends Error>(reason: E): Promise<E> {
    this.stopping = true;
    if (reason instanceof ExecutionInterrupted && reason.reason === 'engine-closed') return reason;
    await Promise.all([...this.running.values()].map((arn) => this.work.mapRuns.stopChild(arn)));
    return reason;
  }
}
