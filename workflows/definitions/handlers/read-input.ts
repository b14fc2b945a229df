/**
 * Typed reading of an untyped payload. JSONata `Arguments` are expressions the DSL cannot type, so
 * handlers called with them take `unknown` and read it through here; a bad field is InvalidInput.
 */
import { InvalidInputError } from './errors';

/** Typed getters over one JSON object; `path` names it in error messages. */
export type InputReader = {
  string(key: string): string;
  /** A finite number; `fallback` when the field is missing or null. */
  number(key: string, fallback?: number): number;
  boolean(key: string, fallback: boolean): boolean;
  strings(key: string): string[];
  optionalString(key: string): string | undefined;
  list(key: string): InputReader[];
  record(key: string): InputReader;
};

/** Reads `value` as a JSON object, or throws InvalidInput naming `path`. */
export function readInput(value: unknown, path = 'input'): InputReader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidInputError(path, 'an object');
  const fields = value as Record<string, unknown>;
  const at = (key: string) => `${path}.${key}`;
  const expect = <V>(key: string, test: (field: unknown) => field is V, expected: string): V => {
    const field = fields[key];
    if (!test(field)) throw new InvalidInputError(at(key), expected);
    return field;
  };
  const isString = (field: unknown): field is string => typeof field === 'string';
  const isNumber = (field: unknown): field is number => typeof field === 'number' && Number.isFinite(field);
  const isList = (field: unknown): field is unknown[] => Array.isArray(field);
  return {
    string: (key) => expect(key, isString, 'a string'),
    number: (key, fallback) =>
      fallback !== undefined && (fields[key] === undefined || fields[key] === null) ? fallback : expect(key, isNumber, 'a number'),
    boolean: (key, fallback) =>
      fields[key] === undefined || fields[key] === null ? fallback : expect(key, (f): f is boolean => typeof f === 'boolean', 'a boolean'),
    strings: (key) => expect(key, (f): f is string[] => isList(f) && f.every(isString), 'a list of strings'),
    optionalString: (key) => (fields[key] === undefined || fields[key] === null ? undefined : expect(key, isString, 'a string')),
    list: (key) => expect(key, isList, 'a list').map((item, index) => readInput(item, `${at(key)}[${index}]`)),
    record: (key) => readInput(fields[key], at(key)),
  };
}
