/**
 * DescribeMapRun's itemCounts and executionCounts, read off the run's child executions: each child
 * counts once in executionCounts and with its items (one, or its batch) in itemCounts; items whose
 * child has not started yet are pending, those whose ItemSelector failed (no child) failed. As measured on AWS, `resultsWritten` counts the succeeded
 * ones once the run has succeeded (0 before).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_MapRunExecutionCounts.html
 */
import type { ExecutionRecord, ExecutionStatus } from '../execution-store';
import { childExecutionArn } from './map-run-arns';
import type { MapRunRecord } from './map-run-record';

/** One of DescribeMapRun's count objects (MapRunItemCounts, MapRunExecutionCounts). */
export type MapRunCounts = {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
  failuresNotRedrivable: number;
  pendingRedrive: number;
};

const STATUS_COUNT: Readonly<Record<ExecutionStatus, keyof MapRunCounts>> = {
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timedOut',
  ABORTED: 'aborted',
  PENDING_REDRIVE: 'pendingRedrive',
};

function zero(): MapRunCounts {
  return {
    pending: 0,
    running: 0,
    succeeded: 0,
    failed: 0,
    timedOut: 0,
    aborted: 0,
    total: 0,
    resultsWritten: 0,
    failuresNotRedrivable: 0,
    pendingRedrive: 0,
  };
}

/** The run's child executions that exist, by index (children are created in index order, but a few may be missing after a crash). */
export function mapRunChildren(mapRun: MapRunRecord, getExecution: (arn: string) => ExecutionRecord | undefined): ExecutionRecord[] {
  const children: ExecutionRecord[] = [];
  for (let index = 0; index < mapRun.childCount; index++) {
    const child = getExecution(childExecutionArn(mapRun, index));
    if (child) children.push(child);
  }
  return children;
}

/** Item and execution counts of `mapRun`, given its existing children. */
export function mapRunCounts(
  mapRun: MapRunRecord,
  children: readonly ExecutionRecord[],
): { itemCounts: MapRunCounts; executionCounts: MapRunCounts } {
  const itemCounts = zero();
  const executionCounts = zero();
  let itemsStarted = 0;
  for (const child of children) {
    const items = child.itemCount ?? 1;
    const key = STATUS_COUNT[child.status];
    executionCounts[key] += 1;
    itemCounts[key] += items;
    itemsStarted += items;
    if (child.status === 'SUCCEEDED' && mapRun.status === 'SUCCEEDED') {
      executionCounts.resultsWritten += 1;
      itemCounts.resultsWritten += items;
    }
  }
  executionCounts.total = children.length;
  const unstarted = mapRun.unstarted?.length ?? 0;
  itemCounts.failed += unstarted;
  itemCounts.pending = Math.max(0, mapRun.itemCount - itemsStarted - unstarted);
  itemCounts.total = mapRun.itemCount;
  return { itemCounts, executionCounts };
}
