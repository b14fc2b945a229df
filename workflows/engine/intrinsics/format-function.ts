/**
 * The generic intrinsic: string interpolation.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
 */
import type { JsonValue } from '../../asl';
import { isJsonObject } from '../data-flow/is-json-object';
import { expectArgumentCount, stringArgument } from './intrinsic-arguments';
import { intrinsicFailure } from './intrinsic-failure';
import type { IntrinsicFunction } from './intrinsic-function';

/**
 * States.Format(template, values...): the template with each `{}` replaced by the next value.
 * In a string literal `\{` and `\}` are literal braces; a template read from a path has no
 * escapes. There must be exactly as many values as placeholders.
 */
export const statesFormat: IntrinsicFunction = (args, name) => {
  expectArgumentCount(name, args, 1, Infinity);
  const template = stringArgument(name, args, 0);
  const pieces = splitTemplate(args[0]?.source ?? template, args[0]?.source !== undefined);
  const values = args.slice(1).map((arg) => arg.value);
  if (pieces.length - 1 !== values.length) {
    throw intrinsicFailure(name, `the template has ${pieces.length - 1} placeholder(s) but ${values.length} value(s) were given`);
  }
  return pieces.reduce((text, piece, index) => text + toFormatString(values[index - 1] ?? null) + piece);
};

/** The literal text around each `{}` placeholder, escapes resolved. */
function splitTemplate(template: string, hasEscapes: boolean): string[] {
  const pieces = [''];
  for (let at = 0; at < template.length; at += 1) {
    const char = template[at] ?? '';
    if (hasEscapes && char === '\\') {
      pieces[pieces.length - 1] += template[at + 1] ?? '';
      at += 1;
    } else if (char === '{' && template[at + 1] === '}') {
      pieces.push('');
      at += 1;
    } else {
      pieces[pieces.length - 1] += char;
    }
  }
  return pieces;
}

/**
 * How AWS prints a value into a string: strings as they are, objects and arrays the way Java
 * prints maps and lists (`{Id=arn:..., Name=x}`, recorded in LocalStack's
 * test_generic.py::test_context_json_path snapshot).
 */
export function toFormatString(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(toFormatString).join(', ')}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${toFormatString(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}
