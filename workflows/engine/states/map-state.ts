/**
 * Map: runs its ItemProcessor (or legacy Iterator) once per item. INLINE iterations are recorded
 * in the execution's history (MapIteration* events); DISTRIBUTED runs are child workflows whose
 * events stay out of it (MapRun* events), honour ItemBatcher and tolerated failures.
 * https://states-language.net/spec.html#map-state
 */
import { createHash } from 'node:crypto';
import type { JsonValue, MapState, StateMachineBranch } from '../../asl';
import { resolvePayloadTemplate } from '../data-flow';
import { isStopRequest, StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { errorOutputOf, withRetryAndCatch, type AttemptOutcome } from '../with-retry-and-catch';
import { runBranch } from '../run-branch';
import { firstFailure, runChildren, type ChildResult } from '../run-children';
import type { Scope } from '../scope';
import { markAttributed } from '../attribute-failure';
import { effectiveInput, processResult } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { batchItems } from './item-batcher';
import { exceedsTolerance, mapItems, mapMaxConcurrency, mapTolerance, toleratesFailures, type Tolerance } from './map-settings';

function processorOf(state: MapState): StateMachineBranch & { ProcessorConfig?: { Mode?: string } } {
  const processor = state.ItemProcessor ?? (state.Iterator as (StateMachineBranch & { ProcessorConfig?: { Mode?: string } }) | undefined);
  if (!processor) throw new StatesError('States.Runtime', 'A Map state needs an ItemProcessor.');
  return processor;
}

/** The input of iteration `index`: ItemSelector (or legacy Parameters) applied with $$.Map.Item. */
async function iterationInput(run: StateRun<MapState>, mapInput: JsonValue, item: JsonValue, index: number): Promise<JsonValue> {
  const { state } = run;
  const mapItem = { Index: index, Value: item };
  if (run.language === 'JSONata') {
    if (state.ItemSelector === undefined) return item;
    return resolveJsonataTemplate(state.ItemSelector as JsonValue, jsonataBindings(run, {}, { mapItem }), 'ItemSelector');
  }
  const selector = state.ItemSelector ?? state.Parameters;
  if (selector === undefined) return item;
  return resolvePayloadTemplate(selector as JsonValue, mapInput, pathScope(run, { mapItem }), state.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters');
}

function mapRunArn(run: StateRun<MapState>): string {
  const { record, services } = run.scope.run;
  const id = createHash('sha256').update(`${record.arn}|${run.entered.id}`).digest('hex').slice(0, 32);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  const label = run.state.Label ?? run.name;
  return `arn:aws:states:${services.region}:${services.accountId}:mapRun:${record.stateMachineName}/${label}:${uuid}`;
}

type Iteration = { run: StateRun<MapState>; scope: Scope; processor: StateMachineBranch; distributed: boolean };

async function runIteration(it: Iteration, mapInput: JsonValue, item: JsonValue, index: number, child: Scope): Promise<JsonValue> {
  const name = it.run.name;
  if (!it.distributed) child.emit('MapIterationStarted', { index, name });
  try {
    const input = it.distributed && it.run.state.ItemBatcher ? item : await iterationInput(it.run, mapInput, item, index);
    const output = await runBranch(it.processor, input, child, it.scope.run.definition.QueryLanguage ?? 'JSONPath');
    if (!it.distributed) child.emit('MapIterationSucceeded', { index, name });
    return output;
  } catch (error) {
    if (error instanceof StatesError && !it.distributed) child.emit('MapIterationFailed', { index, name });
    if (isStopRequest(error) && !it.distributed) child.emitFinal('MapIterationAborted', { index, name });
    throw error;
  }
}

function toleratedOutcome(results: ChildResult<JsonValue>[], tolerance: Tolerance, distributed: boolean): JsonValue[] {
  const failures = results.filter((result) => !result.ok).length;
  if (exceedsTolerance(tolerance, failures, results.length)) {
    const failure = firstFailure(results);
    if (!distributed && failure instanceof StatesError && !toleratesFailures(tolerance)) throw failure;
    throw markAttributed(new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded'));
  }
  return results.map((result) => (result.ok ? result.value : result.error instanceof StatesError ? errorOutputOf(result.error) : null));
}

async function attempt(run: StateRun<MapState>): Promise<AttemptOutcome> {
  const { scope, state } = run;
  const processor = processorOf(state);
  if (state.ItemReader !== undefined) throw new StatesError('States.ItemReaderFailed', 'ItemReader (items from S3) is not supported by the embedded engine.');
  const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const maxConcurrency = await mapMaxConcurrency(run);
  const items = await mapItems(run);
  scope.emit('MapStateStarted', { length: items.length });
  const tolerance = await mapTolerance(run);
  const mapInput = run.language === 'JSONata' ? run.input : effectiveInput(run);
  let work = items;
  if (distributed) {
    if (state.ItemBatcher) {
      const selected = await Promise.all(items.map((item, index) => iterationInput(run, mapInput, item, index)));
      work = (await batchItems(run, selected)) ?? selected;
    }
    scope.emit('MapRunStarted', { mapRunArn: mapRunArn(run) });
  }
  const spawn = scope.reserveSpawn();
  const iteration: Iteration = { run, scope, processor, distributed };
  const failFast = !distributed && !toleratesFailures(tolerance);
  const children: Scope[] = [];
  const results = await runChildren({
    count: work.length,
    limit: maxConcurrency,
    parentSignal: scope.signal,
    failFast,
    run: (index, signal) => {
      const child = scope.child(spawn, { index, variables: scope.variables.child(), signal, silent: distributed });
      children.push(child);
      return runIteration(iteration, mapInput, work[index], index, child);
    },
  });
  scope.follow(children);
  let outputs: JsonValue[];
  try {
    outputs = failFast ? failFastOutcome(results) : toleratedOutcome(results, tolerance, distributed);
  } catch (error) {
    if (distributed && error instanceof StatesError) scope.emit('MapRunFailed', { error: error.code, cause: error.details });
    throw error;
  }
  if (distributed) scope.emit('MapRunSucceeded');
  scope.emit('MapStateSucceeded');
  return processResult(run, outputs);
}

function failFastOutcome(results: ChildResult<JsonValue>[]): JsonValue[] {
  const failure = firstFailure(results);
  if (failure !== undefined) throw failure;
  return results.map((result) => (result.ok ? result.value : null));
}

/** Runs a Map state (with its Retry and Catch). */
export function runMapState(run: StateRun<MapState>): Promise<AttemptOutcome> {
  return withRetryAndCatch(run, () => attempt(run), () => run.scope.emit('MapStateFailed'));
}
