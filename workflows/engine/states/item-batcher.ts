/**
 * ItemBatcher of a Distributed Map: groups items into `{ Items: [...] }` batches (plus
 * BatchInput), by MaxItemsPerBatch and MaxInputBytesPerBatch.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { JsonObject, JsonValue, MapState } from '../../asl';
import { resolvePayloadTemplate, selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { effectiveInput } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';

/** AWS's upper bound on a batch's size: 256 KiB. */
const MAX_BATCH_BYTES = 256 * 1024;

async function limit(run: StateRun<MapState>, literal: unknown, path: string | undefined, field: string): Promise<number | undefined> {
  let value: JsonValue | undefined;
  if (literal !== undefined) {
    value =
      run.language === 'JSONata'
        ? await resolveJsonataTemplate(literal as JsonValue, jsonataBindings(run), `ItemBatcher/${field}`)
        : (literal as JsonValue);
  } else if (path !== undefined) {
    value = selectPath(path, effectiveInput(run), pathScope(run), `${field}Path`);
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new StatesError('States.Runtime', `The ${field} field must be a positive integer but was ${JSON.stringify(value)}`);
  }
  return value;
}

/** The batches of `items`, or undefined when the state has no ItemBatcher. */
export async function batchItems(run: StateRun<MapState>, items: JsonValue[]): Promise<JsonValue[] | undefined> {
  const batcher = run.state.ItemBatcher;
  if (!batcher) return undefined;
  const maxItems =
    (await limit(run, batcher.MaxItemsPerBatch, batcher.MaxItemsPerBatchPath, 'MaxItemsPerBatch')) ?? Number.MAX_SAFE_INTEGER;
  const maxBytes =
    (await limit(run, batcher.MaxInputBytesPerBatch, batcher.MaxInputBytesPerBatchPath, 'MaxInputBytesPerBatch')) ?? MAX_BATCH_BYTES;
  let batchInput: JsonValue | undefined;
  if (batcher.BatchInput !== undefined) {
    batchInput =
      run.language === 'JSONata'
        ? await resolveJsonataTemplate(batcher.BatchInput, jsonataBindings(run), 'ItemBatcher/BatchInput')
        : resolvePayloadTemplate(batcher.BatchInput, effectiveInput(run), pathScope(run), 'BatchInput');
  }
  const batches: JsonValue[] = [];
  let current: JsonValue[] = [];
  let bytes = 0;
  const close = (): void => {
    if (!current.length) return;
    const batch: JsonObject = { Items: current };
    if (batchInput !== undefined) batch.BatchInput = batchInput;
    batches.push(batch);
    current = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length >= maxItems || (current.length && bytes + size > maxBytes)) close();
    current.push(item);
    bytes += size;
  }
  close();
  return batches;
}
