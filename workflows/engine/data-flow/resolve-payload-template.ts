/**
 * Payload templates: Parameters, ResultSelector, ItemSelector and JSONPath-mode Assign.
 * https://states-language.net/spec.html#payload-template
 */
import type { JsonObject, JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { evaluateIntrinsic } from '../intrinsics/evaluate-intrinsic';
import { isJsonObject } from './is-json-object';
import { PATH_CAUSES } from './path-causes';
import type { PathScope } from './path-scope';
import { readPayloadPath } from './read-payload-path';

const DYNAMIC_SUFFIX = '.$';
const INTRINSIC_PREFIX = 'States.';

/**
 * Resolves every `key.$` entry, however deeply nested in objects and arrays, to the value its
 * JSONPath (on `data`, `$$.` on the context, `$name` on variables) or `States.*(...)` intrinsic
 * yields, under `key`; everything else is kept as is. `field` is the ASL field being resolved.
 * Throws StatesError('States.Runtime' | 'States.IntrinsicFailure') with AWS's cause.
 */
export function resolvePayloadTemplate(template: JsonValue, data: JsonValue, scope: PathScope, field: string): JsonValue {
  if (Array.isArray(template)) return template.map((entry) => resolvePayloadTemplate(entry, data, scope, field));
  if (!isJsonObject(template)) return template;
  const resolved: JsonObject = {};
  for (const key in template) {
    if (!Object.hasOwn(template, key)) continue;
    const entry = template[key];
    if (key.length > DYNAMIC_SUFFIX.length && key.endsWith(DYNAMIC_SUFFIX)) {
      resolved[key.slice(0, -DYNAMIC_SUFFIX.length)] = resolveDynamic(key, entry, data, scope, field);
    } else {
      resolved[key] = resolvePayloadTemplate(entry, data, scope, field);
    }
  }
  return resolved;
}

function resolveDynamic(key: string, expression: JsonValue, data: JsonValue, scope: PathScope, field: string): JsonValue {
  if (typeof expression !== 'string') {
    throw new StatesError('States.Runtime', `${PATH_CAUSES.invalidPayloadValue(key)} (in ${field})`);
  }
  if (expression.trimStart().startsWith(INTRINSIC_PREFIX)) return evaluateIntrinsic(expression, data, scope, key);
  return readPayloadPath(expression, data, scope, key);
}
