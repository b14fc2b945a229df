/** JSON as Step Functions writes it in history and API answers: compact, with AWS's payload limit. */
import { MAX_PAYLOAD_BYTES, type JsonValue } from '../asl';
import { StatesError } from './errors';

/**
 * The last object written and its text: values are never mutated, and the same object is often
 * written twice in a row (a Parallel's input for each branch, the last output for the execution's).
 * The run loop hands a state's output text to the next state itself (see run-branch.ts).
 */
let lastValue: object | undefined;
let lastText = '';

/** Compact JSON text (`{"a":1}`), as in AWS's history event input/output fields. */
export function toJsonText(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value !== lastValue) {
    lastText = JSON.stringify(value);
    lastValue = value;
  }
  return lastText;
}

/** Whether `text` fits AWS's 256 KiB payload limit (UTF-8 bytes). */
export function fitsPayloadLimit(text: string): boolean {
  return text.length * 3 <= MAX_PAYLOAD_BYTES || Buffer.byteLength(text, 'utf8') <= MAX_PAYLOAD_BYTES;
}

/** Throws States.DataLimitExceeded when a state's result (`text`, its JSON) is larger than AWS allows. */
export function assertWithinPayloadLimit(stateName: string, text: string): void {
  if (fitsPayloadLimit(text)) return;
  throw new StatesError(
    'States.DataLimitExceeded',
    `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
