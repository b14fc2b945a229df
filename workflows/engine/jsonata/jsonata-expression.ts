/**
 * Evaluates one JSONata expression with the `$states` bindings and the execution's variables,
 * turning every failure into AWS's States.QueryEvaluationError causes.
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import jsonata from 'jsonata';
import { LRUCache } from 'lru-cache';
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { AWS_JSONATA_FUNCTIONS } from './aws-functions';

/** What `$states` holds while a field is evaluated. */
export type StatesBinding = {
  input: JsonValue;
  context: JsonValue;
  result?: JsonValue;
  errorOutput?: JsonValue;
};

/** Everything a JSONata expression can see: `$states` and the variables in scope. */
export type JsonataBindings = {
  states: StatesBinding;
  variables: Readonly<Record<string, JsonValue>>;
};

const QUERY_EVALUATION_ERROR = 'States.QueryEvaluationError';
/** Compiled expressions by text (one that does not compile throws each time: nothing is cached then). */
const compiled = new LRUCache<string, jsonata.Expression>({ max: 5_000, memoMethod: (expression) => compileUncached(expression) });

function compileUncached(expression: string): jsonata.Expression {
  const expr = jsonata(expression);
  for (const [name, fn] of Object.entries(AWS_JSONATA_FUNCTIONS)) expr.registerFunction(name, fn);
  return expr;
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : JSON.stringify(error);
    return typeof code === 'string' ? `${code}: ${text}` : text;
  }
  return String(error);
}

function containsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (Array.isArray(value)) return value.some(containsFunction);
  if (value && typeof value === 'object') return Object.values(value).some(containsFunction);
  return false;
}

/** Converts a JSONata result (sequences, undefined members, NaN) into plain JSON. */
function toJson(value: unknown): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/** A QueryEvaluationError about `expression` in `field`, with AWS's wording. */
export function queryEvaluationError(expression: string, field: string, problem: string): StatesError {
  return new StatesError(QUERY_EVALUATION_ERROR, `The JSONata expression '${expression}' specified for the field '${field}' ${problem}`, {
    location: field,
  });
}

/** Evaluates `expression` (without its `{% %}`) for `field`; undefined results are errors. */
export async function evaluateJsonata(expression: string, bindings: JsonataBindings, field: string): Promise<JsonValue> {
  let result: unknown;
  try {
    result = await compiled.memo(expression).evaluate(bindings.states.input, {
      ...bindings.variables,
      states: bindings.states,
    });
  } catch (error) {
    throw queryEvaluationError(expression, field, `threw an error during evaluation. ${describeError(error)}`);
  }
  if (result === undefined) throw queryEvaluationError(expression, field, 'returned nothing (undefined).');
  if (containsFunction(result)) throw queryEvaluationError(expression, field, 'returned an unsupported result type.');
  return toJson(result);
}
