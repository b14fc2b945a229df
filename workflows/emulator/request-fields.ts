/**
 * Reads request members with AWS's ValidationException wording, so a bad request gets the same
 * answer as from the real service.
 */
import { StepFunctionsError } from './errors';

/** A parsed JSON request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

function invalid(message: string): StepFunctionsError {
  return new StepFunctionsError('ValidationException', `1 validation error detected: ${message}`);
}

/** A required string member (non-empty unless `allowEmpty`). */
export function requiredString(body: RequestBody, field: string, { maxLength = Infinity } = {}): string {
  const value = body[field];
  if (value === undefined || value === null)
    throw invalid(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  if (typeof value !== 'string') throw new StepFunctionsError('SerializationException', `Expected string for '${field}'`);
  if (value.length > maxLength) {
    throw invalid(`Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`);
  }
  return value;
}

/** An optional string member. */
export function optionalString(body: RequestBody, field: string, { maxLength = Infinity } = {}): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  return requiredString(body, field, { maxLength });
}

/** An optional integer member within [min, max]. */
export function optionalInteger(body: RequestBody, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new StepFunctionsError('SerializationException', `Expected integer for '${field}'`);
  if (value < min || value > max) {
    throw invalid(
      `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value ${value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`,
    );
  }
  return value;
}

/** An optional boolean member. */
export function optionalBoolean(body: RequestBody, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new StepFunctionsError('SerializationException', `Expected boolean for '${field}'`);
  return value;
}

/** An optional member that must be one of `allowed`. */
export function optionalEnum<T extends string>(body: RequestBody, field: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(
      `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value as T;
}
