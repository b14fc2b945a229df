/** The Step Functions API server over the engine, and its durable SQLite store. */
export { createStepFunctionsServer } from './step-functions-server';
export type { StepFunctionsServer, StepFunctionsServerOptions } from './step-functions-server';
export { SqliteExecutionStore, DATABASE_FILE } from './sqlite-execution-store';
export { StepFunctionsError } from './errors';
export type { StepFunctionsErrorCode } from './errors';
export { validateDefinition } from './validate-definition';
export type { Diagnostic } from './validate-definition';
