/**
 * A Map Run: the child workflow executions a Distributed Map state starts and the settings that
 * control them (UpdateMapRun changes those while it runs). Its item and execution counts are not
 * stored: they are read off its children (see map-run-counts.ts).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html
 */
import type { StateMachineType } from '../execution-store';

/** AWS's Map Run statuses. */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** A Map Run as the store keeps it. */
export type MapRunRecord = {
  arn: string;
  /** The execution whose Distributed Map state started it. */
  executionArn: string;
  /** The labelled state machine its children run: `…:stateMachine:PARENT/LABEL`. */
  stateMachineArn: string;
  status: MapRunStatus;
  startedAt: number;
  stoppedAt?: number;
  /** Child executions running at once (0: no limit). */
  maxConcurrency: number;
  /** Unset: not part of the threshold (DescribeMapRun reports 0). */
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  /** Items the run processes, and the child executions it needs for them (fewer with ItemBatcher). */
  itemCount: number;
  childCount: number;
  /** STANDARD or EXPRESS child executions (ProcessorConfig.ExecutionType). */
  executionType: StateMachineType;
  /** Items that failed before a child could start (their ItemSelector failed), by index. */
  unstarted?: number[];
};

/** The settings UpdateMapRun can change. */
export type MapRunSettings = Pick<MapRunRecord, 'maxConcurrency' | 'toleratedFailureCount' | 'toleratedFailurePercentage'>;

/** Where Map Runs are kept (part of ExecutionStore). Reads see buffered writes. */
export type MapRunStore = {
  putMapRun(record: MapRunRecord): void;
  getMapRun(arn: string): MapRunRecord | undefined;
  /** The Map Runs started by one execution, oldest first. */
  listMapRuns(executionArn: string): MapRunRecord[];
};
