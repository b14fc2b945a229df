/**
 * Runs asl-validator (https://github.com/ChristopheBougere/asl-validator) safely: on a copy, because it
 * writes QueryLanguage into every state, and without throwing, because it crashes on some malformed input.
 */
import aslValidator from 'asl-validator';
import { JSONPath } from 'jsonpath-plus';
import { LRUCache } from 'lru-cache';
import type { JsonRecord } from './is-record';

/** One asl-validator error: its code, its message and, for schema errors, the JSON pointer it concerns. */
export type AslValidatorError = { code: string; message: string; instancePath?: string };

/** The errors, and the pointer of each `States` object in the order asl-validator numbers them (`fsm1`, `fsm2`, …). */
export type AslValidatorResult = { errors: AslValidatorError[]; statesPointers: string[] };

const OPTIONS = { checkPaths: true, checkArn: true };

/** Verdicts by definition text: asl-validator builds its JSON schemas again on every call (100–300 ms), and the same workflows are compiled many times in a process. */
const verdicts = new LRUCache<string, AslValidatorResult>({ max: 200, memoMethod: (text) => validate(text) });

/** asl-validator's verdict on `definition`; a crash becomes an `EXCEPTION` error. */
export function runAslValidator(definition: JsonRecord): AslValidatorResult {
  let text: string;
  try {
    text = JSON.stringify(definition);
  } catch (error) {
    return exception(error);
  }
  return verdicts.memo(text);
}

function validate(text: string): AslValidatorResult {
  try {
    const copy: unknown = JSON.parse(text);
    const { errors } = aslValidator(copy, OPTIONS);
    return {
      errors: errors.map((error) => ({
        code: error['Error code'],
        message: error.Message,
        ...(error.schemaError ? { instancePath: error.schemaError.instancePath } : {}),
      })),
      statesPointers: statesPointers(copy),
    };
  } catch (error) {
    return exception(error);
  }
}

function exception(error: unknown): AslValidatorResult {
  const message = error instanceof Error ? error.message : String(error);
  return { errors: [{ code: 'EXCEPTION', message: `asl-validator failed: ${message}` }], statesPointers: [] };
}

function statesPointers(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) return [];
  const pointers: unknown = JSONPath({ path: '$..States', json, resultType: 'pointer' });
  return Array.isArray(pointers) ? pointers.filter((pointer): pointer is string => typeof pointer === 'string') : [];
}
