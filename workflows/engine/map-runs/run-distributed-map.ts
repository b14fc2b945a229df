/**
 * A Map state in DISTRIBUTED mode: its items (or ItemBatcher's batches) run as the child workflow
 * executions of a Map Run, each with its own ARN and history. The parent's history records only
 * MapRunStarted and how the run ended (MapRunSucceeded, MapRunFailed, MapRunAborted).
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
import type { JsonValue, MapState, StateMachineBranch } from '../../asl';
import { errorOutputOf } from '../with-retry-and-catch';
import { ExecutionInterrupted, isStopRequest, StatesError } from '../errors';
import type { ChildResult } from '../run-children';
import { batchItems } from '../states/item-batcher';
import type { Tolerance } from '../states/map-settings';
import type { StateRun } from '../state-run';
import { mapRunArnOf, mapRunLabel, mapRunStateMachineArnOf, type MapRunOrigin } from './map-run-arns';
import { MapRunController, toleranceExceeded } from './map-run-controller';
import type { MapRunRecord } from './map-run-record';

/** What the Map state has evaluated before its run starts. */
export type DistributedMapPlan = {
  processor: StateMachineBranch & { ProcessorConfig?: { ExecutionType?: string } };
  items: JsonValue[];
  maxConcurrency: number;
  tolerance: Tolerance;
  /** The input of item `index` (ItemSelector or legacy Parameters with `$$.Map.Item`). */
  selectInput(item: JsonValue, index: number): Promise<JsonValue>;
};

/** The definition a child execution runs: the processor, with the query language it inherits. */
function childDefinition(run: StateRun<MapState>, processor: DistributedMapPlan['processor']): string {
  const { ProcessorConfig: _config, ...branch } = processor;
  const language = branch.QueryLanguage ?? run.scope.run.definition.QueryLanguage;
  return JSON.stringify(language === undefined ? branch : { ...branch, QueryLanguage: language });
}

/** The children's inputs (batches when ItemBatcher is set) and their item counts. */
async function childWork(
  run: StateRun<MapState>,
  plan: DistributedMapPlan,
): Promise<{ count: number; inputOf(index: number): Promise<JsonValue>; itemsOf(index: number): number }> {
  const { items } = plan;
  if (!run.state.ItemBatcher) return { count: items.length, inputOf: (index) => plan.selectInput(items[index], index), itemsOf: () => 1 };
  const selected = await Promise.all(items.map((item, index) => plan.selectInput(item, index)));
  const batches = (await batchItems(run, selected)) ?? selected;
  const sizes = batches.map((batch) => ((batch as { Items?: unknown[] }).Items ?? []).length);
  return { count: batches.length, inputOf: (index) => Promise.resolve(batches[index]), itemsOf: (index) => sizes[index] };
}

/** The Map state's result: each child's output, or `{Error, Cause}` for a failure within the tolerated threshold. */
function outputsOf(results: ChildResult<JsonValue>[]): JsonValue[] {
  return results.map((result) => (result.ok ? result.value : result.error instanceof StatesError ? errorOutputOf(result.error) : null));
}

/** Runs the Map Run of a DISTRIBUTED Map state; resolves to its outputs in item order. */
export async function runDistributedMap(run: StateRun<MapState>, plan: DistributedMapPlan): Promise<JsonValue[]> {
  const { scope, state } = run;
  const execution = scope.run;
  const mapRuns = execution.services.mapRuns;
  if (!mapRuns) throw new StatesError('States.Runtime', 'A Distributed Map state runs only in an execution.');
  const work = await childWork(run, plan);
  const origin: MapRunOrigin = {
    account: { region: execution.services.region, accountId: execution.services.accountId },
    executionArn: execution.record.arn,
    machineName: execution.record.stateMachineName,
    label: mapRunLabel(state.Label, run.name),
    enteredId: run.entered.id,
    attempt: run.retryCount ?? 0,
  };
  const arn = mapRunArnOf(origin);
  const started = scope.emit('MapRunStarted', { mapRunArn: arn });
  // The position inline iterations spawn from: taken here too, so the events after the run keep their keys.
  scope.reserveSpawn();
  const record: MapRunRecord = mapRuns.open({
    arn,
    executionArn: execution.record.arn,
    stateMachineArn: mapRunStateMachineArnOf(origin),
    status: 'RUNNING',
    startedAt: started.timestamp,
    maxConcurrency: plan.maxConcurrency,
    toleratedFailureCount: plan.tolerance.count,
    toleratedFailurePercentage: plan.tolerance.percentage,
    itemCount: plan.items.length,
    childCount: work.count,
    executionType: plan.processor.ProcessorConfig?.ExecutionType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
  });
  let outputs: JsonValue[];
  try {
    // A run that ended before a restart ends the same way on replay (UpdateMapRun may have changed its settings since).
    if (record.status === 'FAILED') throw toleranceExceeded();
    const controller = new MapRunController({
      mapRuns,
      record,
      parent: execution.record,
      definition: childDefinition(run, plan.processor),
      now: () => execution.clock.now(),
      inputOf: (index) => work.inputOf(index),
      itemsOf: (index) => work.itemsOf(index),
      signal: scope.signal,
      settled: record.status === 'SUCCEEDED',
    });
    outputs = outputsOf(await controller.run());
  } catch (error) {
    if (error instanceof StatesError) {
      mapRuns.close(arn, 'FAILED', execution.clock.now());
      scope.emit('MapRunFailed', { error: error.code, cause: error.details });
    } else if (error instanceof ExecutionInterrupted && error.reason !== 'engine-closed') {
      mapRuns.close(arn, 'ABORTED', execution.clock.now());
      if (isStopRequest(error)) scope.emitFinal('MapRunAborted');
    }
    throw error;
  }
  mapRuns.close(arn, 'SUCCEEDED', execution.clock.now());
  scope.emit('MapRunSucceeded');
  return outputs;
}
