/**
 * The `{% … %}` strings of a JSONata-mode state, wherever they sit (Arguments, Output, Assign, Choice
 * Conditions, Items, ItemSelector, Seconds, Timestamp, TimeoutSeconds, Error, Cause, …).
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { JsonRecord } from './is-record';

/** One JSONata expression and the field holding it (`Arguments.title`, `Choices[0].Condition`). */
export type JsonataExpression = { field: string; expression: string };

const EXPRESSION = /^\{%([\s\S]*)%\}$/;

/** Fields that hold nested scopes or prose, not values that AWS evaluates. */
const SKIPPED_FIELDS = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Comment']);

/** Every `{% … %}` string in the state's own fields, at any depth. */
export function jsonataExpressions(state: JsonRecord): JsonataExpression[] {
  return Object.entries(state)
    .filter(([field]) => !SKIPPED_FIELDS.has(field))
    .flatMap(([field, value]) => expressionsIn(field, value));
}

function expressionsIn(field: string, value: unknown): JsonataExpression[] {
  if (typeof value === 'string') {
    const match = EXPRESSION.exec(value);
    return match ? [{ field, expression: match[1] }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item: unknown, index) => expressionsIn(`${field}[${index}]`, item));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => expressionsIn(`${field}.${key}`, child));
  }
  return [];
}
