/** Results of Engine operations: a value, or a refusal named after the AWS exception it maps to. */

/** A refusal: `code` is the AWS exception name (ExecutionDoesNotExist, TaskTimedOut, …). */
export type EngineRefusal<C extends string = string> = { ok: false; code: C; message: string };

/** A value or a refusal. */
export type EngineResult<T, C extends string = string> = { ok: true; value: T } | EngineRefusal<C>;

/** Builds a refusal. */
export function refuse<C extends string>(code: C, message: string): EngineRefusal<C> {
  return { ok: false, code, message };
}

/** Builds a success. */
export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
