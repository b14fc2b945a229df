/** A parsed JSON object, read-only: states and scopes as they arrive, before they are validated. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object (not null, not an array), so its fields can be read safely. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
