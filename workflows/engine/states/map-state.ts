/**
 * Map: runs its ItemProcessor (or legacy Iterator) once per item. INLINE iterations are recorded
 * in the execution's history (MapIteration* events); DISTRIBUTED ones run as the child workflow
 * executions of a Map Run (see map-runs/run-distributed-map.ts), which honours ItemBatcher and
 * tolerated failures.
 * https://states-language.net/spec.html#map-state
 */
import type { JsonValue, MapState, StateMachineBranch } from '../../asl';
import { resolvePayloadTemplate } from '../data-flow';
import { isStopRequest, StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { errorOutputOf, withRetryAndCatch, type AttemptOutcome } from '../with-retry-and-catch';
import { firstFailure, runChildren, type ChildResult } from '../run-children';
import type { Scope } from '../scope';
import { markAttributed } from '../attribute-failure';
import { effectiveInput, processResult } from '../process-result';
import { jsonataBindings, pathScope, type BranchRunner, type StateRun } from '../state-run';
import { runDistributedMap } from '../map-runs/run-distributed-map';
import { exceedsTolerance, mapItems, mapMaxConcurrency, mapTolerance, toleratesFailures, type Tolerance } from './map-settings';

type Processor = StateMachineBranch & { ProcessorConfig?: { Mode?: string; ExecutionType?: string } };

function processorOf(state: MapState): Processor {
  const processor = state.ItemProcessor ?? state.Iterator;
  if (!processor) throw new StatesError('States.Runtime', 'A Map state needs an ItemProcessor.');
  return processor;
}

/** The input of iteration `index`: ItemSelector (or legacy Parameters) applied with $$.Map.Item. */
async function iterationInput(run: StateRun<MapState>, mapInput: JsonValue, item: JsonValue, index: number): Promise<JsonValue> {
  const { state } = run;
  const mapItem = { Index: index, Value: item };
  if (run.language === 'JSONata') {
    if (state.ItemSelector === undefined) return item;
    return resolveJsonataTemplate(state.ItemSelector, jsonataBindings(run, {}, { mapItem }), 'ItemSelector');
  }
  const selector = state.ItemSelector ?? state.Parameters;
  if (selector === undefined) return item;
  return resolvePayloadTemplate(
    selector,
    mapInput,
    pathScope(run, { mapItem }),
    state.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters',
  );
}

type Iteration = { run: StateRun<MapState>; scope: Scope; processor: StateMachineBranch; runBranch: BranchRunner };

async function runIteration(it: Iteration, mapInput: JsonValue, item: JsonValue, index: number, child: Scope): Promise<JsonValue> {
  const name = it.run.name;
  child.emit('MapIterationStarted', { index, name });
  try {
    const input = await iterationInput(it.run, mapInput, item, index);
    const output = await it.runBranch(it.processor, input, child, it.scope.run.definition.QueryLanguage ?? 'JSONPath');
    child.emit('MapIterationSucceeded', { index, name });
    return output;
  } catch (error) {
    if (error instanceof StatesError) child.emit('MapIterationFailed', { index, name });
    if (isStopRequest(error)) child.emitFinal('MapIterationAborted', { index, name });
    throw error;
  }
}

function toleratedOutcome(results: ChildResult<JsonValue>[], tolerance: Tolerance): JsonValue[] {
  const failures = results.filter((result) => !result.ok).length;
  if (exceedsTolerance(tolerance, failures, results.length)) {
    const failure = firstFailure(results)?.error;
    if (failure instanceof StatesError && !toleratesFailures(tolerance)) throw failure;
    throw markAttributed(
      new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded'),
    );
  }
  return results.map((result) => (result.ok ? result.value : result.error instanceof StatesError ? errorOutputOf(result.error) : null));
}

async function attempt(run: StateRun<MapState>, runBranch: BranchRunner): Promise<AttemptOutcome> {
  const { scope, state } = run;
  const processor = processorOf(state);
  if (state.ItemReader !== undefined)
    throw new StatesError('States.ItemReaderFailed', 'ItemReader (items from S3) is not supported by the embedded engine.');
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const maxConcurrency = await mapMaxConcurrency(run);
  const items = await mapItems(run);
  scope.emit('MapStateStarted', { length: items.length });
  const tolerance = await mapTolerance(run);
  const mapInput = run.language === 'JSONata' ? run.input : effectiveInput(run);
  if (distributed) {
    const selectInput = (item: JsonValue, index: number) => iterationInput(run, mapInput, item, index);
    const distributedOutputs = await runDistributedMap(run, { processor, items, maxConcurrency, tolerance, selectInput });
    scope.emit('MapStateSucceeded');
    return processResult(run, distributedOutputs);
  }
  const spawn = scope.reserveSpawn();
  const iteration: Iteration = { run, scope, processor, runBranch };
  const failFast = !toleratesFailures(tolerance);
  const children: Scope[] = [];
  const results = await runChildren({
    count: items.length,
    limit: maxConcurrency,
    parentSignal: scope.signal,
    failFast,
    run: (index, signal) => {
      const child = scope.child(spawn, { index, variables: scope.variables.child(), signal });
      children.push(child);
      return runIteration(iteration, mapInput, items[index], index, child);
    },
  });
  scope.follow(children);
  const outputs = failFast ? failFastOutcome(results) : toleratedOutcome(results, tolerance);
  scope.emit('MapStateSucceeded');
  return processResult(run, outputs);
}

function failFastOutcome(results: ChildResult<JsonValue>[]): JsonValue[] {
  const failure = firstFailure(results);
  if (failure) throw failure.error;
  return results.map((result) => (result.ok ? result.value : null));
}

/** Runs a Map state (with its Retry and Catch): inline iterations with `runBranch`, distributed ones as child executions. */
export function runMapState(run: StateRun<MapState>, runBranch: BranchRunner): Promise<AttemptOutcome> {
  return withRetryAndCatch(
    run,
    () => attempt(run, runBranch),
    () => run.scope.emit('MapStateFailed'),
  );
}
