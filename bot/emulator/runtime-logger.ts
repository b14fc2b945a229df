/** The structured logger the local Lex runtime is given (the API's and the engine's loggers fit it). */

/** Log methods taking a message and optional structured fields. */
export type RuntimeLogger = {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** Drops everything: the default for tests and libraries. */
export const silentRuntimeLogger: RuntimeLogger = { info() {}, error() {} };
