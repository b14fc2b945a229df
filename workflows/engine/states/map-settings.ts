/**
 * The run settings of a Map state: items, MaxConcurrency and tolerated failures, in their
 * literal, *Path and JSONata forms, with AWS's causes for invalid values.
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
import type { JsonValue, MapState } from '../../asl';
import { selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { queryEvaluationError } from '../jsonata/jsonata-expression';
import { jsonataExpressionOf, resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { effectiveInput } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';

/** How many failed items a Map run tolerates (unset: none). */
export type Tolerance = { count?: number; percentage?: number };

function typeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function runtime(message: string): StatesError {
  return new StatesError('States.Runtime', message);
}

/** The array a Map state iterates over. */
export async function mapItems(run: StateRun<MapState>): Promise<JsonValue[]> {
  const { state } = run;
  if (run.language === 'JSONata') {
    if (state.Items === undefined) {
      if (!Array.isArray(run.input)) {
        throw new StatesError('States.QueryEvaluationError', `Map state input must be an array but was: ${JSON.stringify(run.input)}`);
      }
      return run.input;
    }
    const items = await resolveJsonataTemplate(state.Items, jsonataBindings(run), 'Items');
    if (!Array.isArray(items)) {
      const expression = jsonataExpressionOf(state.Items) ?? JSON.stringify(state.Items);
      throw queryEvaluationError(
        expression,
        'Items',
        `returned an unexpected result type. Expected 'array', but was '${typeName(items)}' for value: ${JSON.stringify(items)}`,
      );
    }
    return items;
  }
  const input = effectiveInput(run);
  const items = state.ItemsPath !== undefined ? selectPath(state.ItemsPath, input, pathScope(run), 'ItemsPath') : input;
  if (!Array.isArray(items)) throw runtime(`Map state input must be an array but was: ${JSON.stringify(items)}`);
  return items;
}

/** A value as AWS quotes it in these causes: `"NoNumber"`, `"{}"`. */
function quoted(value: JsonValue): string {
  return `"${typeof value === 'string' ? value : JSON.stringify(value)}"`;
}

function asInteger(value: JsonValue): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function asFloat(value: JsonValue): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

async function numberField(
  run: StateRun<MapState>,
  field: 'MaxConcurrency' | 'ToleratedFailureCount' | 'ToleratedFailurePercentage',
  parse: (value: JsonValue) => number | undefined,
  kind: 'integer' | 'float',
): Promise<number | undefined> {
  const literal = run.state[field];
  const path = run.state[`${field}Path`];
  if (literal !== undefined) {
    const value = run.language === 'JSONata' ? await resolveJsonataTemplate(literal, jsonataBindings(run), field) : literal;
    const number = parse(value);
    if (number === undefined) {
      const message = `The ${field} field refers to value ${quoted(value)} which is not a valid ${kind}`;
      throw run.language === 'JSONata' ? new StatesError('States.QueryEvaluationError', message, { location: field }) : runtime(message);
    }
    return number;
  }
  if (path === undefined) return undefined;
  const value = selectPath(path, effectiveInput(run), pathScope(run), `${field}Path`);
  const number = parse(value);
  if (number === undefined) throw runtime(`The ${field}Path field refers to value ${quoted(value)} which is not a valid ${kind}: ${path}`);
  return number;
}

/** MaxConcurrency (0: no limit). */
export async function mapMaxConcurrency(run: StateRun<MapState>): Promise<number> {
  const value = (await numberField(run, 'MaxConcurrency', asInteger, 'integer')) ?? 0;
  if (value < 0) throw runtime('MaxConcurrency cannot be negative.');
  return value;
}

/** ToleratedFailureCount and ToleratedFailurePercentage. */
export async function mapTolerance(run: StateRun<MapState>): Promise<Tolerance> {
  const count = await numberField(run, 'ToleratedFailureCount', asInteger, 'integer');
  if (count !== undefined && count < 0) throw runtime('ToleratedFailureCount cannot be negative.');
  const percentage = await numberField(run, 'ToleratedFailurePercentage', asFloat, 'float');
  if (percentage !== undefined && (percentage < 0 || percentage > 100))
    throw runtime('ToleratedFailurePercentage must be between 0 and 100.');
  return { count, percentage };
}

/** Whether some failure is tolerated at all. */
export function toleratesFailures(tolerance: Tolerance): boolean {
  return (tolerance.count ?? 0) > 0 || (tolerance.percentage ?? 0) > 0;
}

/** Whether `failures` out of `total` items exceed the tolerance (either threshold). */
export function exceedsTolerance(tolerance: Tolerance, failures: number, total: number): boolean {
  if (failures === 0) return false;
  const overCount = tolerance.count === undefined || failures > tolerance.count;
  const overPercentage = tolerance.percentage === undefined || (failures / Math.max(total, 1)) * 100 > tolerance.percentage;
  if (tolerance.count !== undefined && tolerance.percentage !== undefined) return overCount || overPercentage;
  return overCount && overPercentage;
}
