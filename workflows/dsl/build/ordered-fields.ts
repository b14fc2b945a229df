/** Emits a state's fields in one fixed order, so the same workflow always compiles to the same bytes. */
import type { State } from '../../asl';

const FIELD_ORDER = [
  'Type',
  'Comment',
  'QueryLanguage',
  'Resource',
  'Credentials',
  'InputPath',
  'Parameters',
  'Arguments',
  'Items',
  'ItemsPath',
  'ItemReader',
  'ItemSelector',
  'ItemBatcher',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ItemProcessor',
  'ResultWriter',
  'Label',
  'Branches',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'Choices',
  'Default',
  'Result',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Retry',
  'Catch',
  'Next',
  'End',
] as const;

const RANK = new Map<string, number>(FIELD_ORDER.map((field, index) => [field, index]));

/**
 * A copy of `fields` with undefined values dropped and keys in ASL's conventional order.
 * Function values are nested scopes (Branches, ItemProcessor), emitted now.
 */
export function orderedFields(fields: Record<string, unknown>): State {
  const keys = Object.keys(fields)
    .filter((key) => fields[key] !== undefined)
    .sort((a, b) => (RANK.get(a) ?? FIELD_ORDER.length) - (RANK.get(b) ?? FIELD_ORDER.length) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    keys.map((key) => {
      const value = fields[key];
      return [key, typeof value === 'function' ? (value as () => unknown)() : withoutUndefined(value)];
    }),
  ) as State;
}

/** Drops undefined fields inside plain objects (optional values a builder did not get). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => [key, withoutUndefined(inner)]),
  );
}
