/**
 * JSONata templates: any JSON value whose strings may be `{% expression %}`; objects and arrays
 * are walked and each expression replaced by its result (Arguments, Output, Assign, Items, …).
 */
import type { JsonObject, JsonValue } from '../../asl';
import { evaluateJsonata, type JsonataBindings } from './jsonata-expression';

const TEMPLATE = /^\{%([\s\S]*)%\}$/;

/** The expression inside `{% … %}`, or undefined when `value` is not a JSONata template string. */
export function jsonataExpressionOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TEMPLATE.exec(value.trim());
  return match ? match[1].trim() : undefined;
}

/** Evaluates every `{% %}` string in `template`, reporting failures under `field` (`Output/a/0`). */
export async function resolveJsonataTemplate(template: JsonValue, bindings: JsonataBindings, field: string): Promise<JsonValue> {
  const expression = jsonataExpressionOf(template);
  if (expression !== undefined) return evaluateJsonata(expression, bindings, field);
  if (Array.isArray(template)) {
    const out: JsonValue[] = [];
    for (let i = 0; i < template.length; i++) out.push(await resolveJsonataTemplate(template[i], bindings, `${field}/${i}`));
    return out;
  }
  if (template !== null && typeof template === 'object') {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(template)) {
      out[key] = await resolveJsonataTemplate(value, bindings, `${field}/${key}`);
    }
    return out;
  }
  return template;
}
