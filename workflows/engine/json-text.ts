/** JSON as Step Functions writes it in history and API answers: compact, with AWS's payload limit. */
import { MAX_PAYLOAD_BYTES, type JsonValue } from '../asl';
import { StatesError } from './errors';

/** Texts of objects already written: values are never mutated, and a state's output is the next one's input. */
const texts = new WeakMap<object, string>();

/** Compact JSON text (`{"a":1}`), as in AWS's history event input/output fields. */
export function toJsonText(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** Whether `text` fits AWS's 256 KiB payload limit (UTF-8 bytes). */
export function fitsPayloadLimit(text: string): boolean {
  return text.length * 3 <= MAX_PAYLOAD_BYTES || Buffer.byteLength(text, 'utf8') <= MAX_PAYLOAD_BYTES;
}

/** Throws States.DataLimitExceeded when a state's result is larger than AWS allows. */
export function assertWithinPayloadLimit(stateName: string, value: JsonValue): void {
  if (fitsPayloadLimit(toJsonText(value))) return;
  throw new StatesError(
    'States.DataLimitExceeded',
    `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
