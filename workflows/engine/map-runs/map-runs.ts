/**
 * The engine's Map Runs: records them, starts and follows their child executions for the
 * Distributed Map states running on the engine, and answers DescribeMapRun, ListMapRuns and
 * UpdateMapRun (whose settings reach a running Map Run at once).
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-examine-map-run.html
 */
import { accept, refuse, type EngineResult } from '../engine-result';
import type { ExecutionRecord, ExecutionStore } from '../execution-store';
import { mapRunChildren, mapRunCounts, type MapRunCounts } from './map-run-counts';
import type { MapRunRecord, MapRunSettings, MapRunStatus } from './map-run-record';

/** What Map Runs need of the engine: run a child execution, wait for one to close, stop one. */
export type MapRunEngine = {
  /** Makes sure `record` runs (it is stored first when `created`); a closed one is left alone. */
  launch(record: ExecutionRecord, created: boolean): void;
  waitFor(executionArn: string, signal: AbortSignal): Promise<ExecutionRecord>;
  stop(executionArn: string): Promise<unknown>;
};

/** DescribeMapRun's answer: the record and its counts. */
export type MapRunDescription = { record: MapRunRecord; itemCounts: MapRunCounts; executionCounts: MapRunCounts };

/** Why UpdateMapRun refuses. */
export type MapRunRefusal = 'ResourceNotFound' | 'ValidationException';

/** Map Runs of one engine. */
export class MapRuns {
  /** The running controller of each Map Run, woken when UpdateMapRun changes its settings. */
  private readonly watchers = new Map<string, () => void>();

  constructor(
    private readonly store: ExecutionStore,
    private readonly engine: MapRunEngine,
  ) {}

  /** Records a new run, or returns the one recorded before a restart (with the settings UpdateMapRun gave it). */
  open(record: MapRunRecord): MapRunRecord {
    const existing = this.store.getMapRun(record.arn);
    if (existing) return existing;
    this.store.putMapRun(record);
    return record;
  }

  /** The run as stored now. */
  get(arn: string): MapRunRecord | undefined {
    return this.store.getMapRun(arn);
  }

  /** Records how a running run ended. */
  close(arn: string, status: Exclude<MapRunStatus, 'RUNNING'>, stoppedAt: number): void {
    const record = this.store.getMapRun(arn);
    if (record?.status === 'RUNNING') this.store.putMapRun({ ...record, status, stoppedAt });
  }

  /** Records that item `index` failed before its child could start (counted as a failed item). */
  failedToStart(arn: string, index: number): void {
    const record = this.store.getMapRun(arn);
    if (!record || record.unstarted?.includes(index)) return;
    this.store.putMapRun({ ...record, unstarted: [...(record.unstarted ?? []), index] });
  }

  /** The child execution at `arn`, if it was started. */
  child(arn: string): ExecutionRecord | undefined {
    return this.store.getExecution(arn);
  }

  /** Starts a child execution, or makes sure the one found (started before a restart) runs. */
  startChild(record: ExecutionRecord): ExecutionRecord {
    const existing = this.store.getExecution(record.arn);
    this.engine.launch(existing ?? record, existing === undefined);
    return existing ?? record;
  }

  /** Resolves once the child has closed; rejects when `signal` fires first. */
  waitForChild(arn: string, signal: AbortSignal): Promise<ExecutionRecord> {
    return this.engine.waitFor(arn, signal);
  }

  /** Stops a running child (ExecutionAborted) and resolves once that is recorded. */
  async stopChild(arn: string): Promise<void> {
    await this.engine.stop(arn);
  }

  /** Calls `listener` whenever UpdateMapRun changes the run; returns the unsubscribe function. */
  watch(arn: string, listener: () => void): () => void {
    this.watchers.set(arn, listener);
    return () => {
      if (this.watchers.get(arn) === listener) this.watchers.delete(arn);
    };
  }

  /** UpdateMapRun: new settings for a running run, used from its next child on. */
  update(arn: string, settings: Partial<MapRunSettings>): EngineResult<MapRunRecord, MapRunRefusal> {
    const record = this.store.getMapRun(arn);
    if (!record) return refuse('ResourceNotFound', `Resource not found: '${arn}'`);
    if (record.status !== 'RUNNING') return refuse('ValidationException', `Map Run is not running: '${arn}'`);
    const updated: MapRunRecord = { ...record };
    if (settings.maxConcurrency !== undefined) updated.maxConcurrency = settings.maxConcurrency;
    if (settings.toleratedFailureCount !== undefined) updated.toleratedFailureCount = settings.toleratedFailureCount;
    if (settings.toleratedFailurePercentage !== undefined) updated.toleratedFailurePercentage = settings.toleratedFailurePercentage;
    this.store.putMapRun(updated);
    this.watchers.get(arn)?.();
    return accept(updated);
  }

  /** DescribeMapRun: the run with its item and execution counts. */
  describe(arn: string): MapRunDescription | undefined {
    const record = this.store.getMapRun(arn);
    if (!record) return undefined;
    return { record, ...mapRunCounts(record, this.children(record)) };
  }

  /** The run's child executions that were started, in item order (ListExecutions with mapRunArn). */
  children(record: MapRunRecord): ExecutionRecord[] {
    return mapRunChildren(record, (arn) => this.store.getExecution(arn));
  }

  /** ListMapRuns: the runs an execution started, oldest first. */
  list(executionArn: string): MapRunRecord[] {
    return this.store.listMapRuns(executionArn);
  }
}
