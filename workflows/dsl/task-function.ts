/** `fn(name, handler)`: a task handler written in TypeScript, deployed as a Lambda function. */
import { DefinitionError } from './errors';
import { callerLocation } from './source-location';

/** What a handler receives besides its input (the Lambda context on AWS, the engine's locally). */
export type TaskContext = {
  /** The Step Functions execution ARN, when the caller passes it. */
  executionArn?: string;
  /** Milliseconds left before the task times out, when known. */
  remainingTimeMs?: () => number;
};

export type TaskHandler<In, Out> = (input: In, context: TaskContext) => Out | Promise<Out>;

/** A named task handler. Its input and output types flow into the states that invoke it. */
export type TaskFunction<In, Out> = {
  readonly kind: 'function';
  /** kebab-case function name, unique in the catalogue (`reserve-stock`). */
  readonly name: string;
  /** Substitution placeholder for the deployed function's ARN (`ReserveStockFunctionArn`). */
  readonly placeholder: string;
  readonly handler: TaskHandler<In, Out>;
};

const FUNCTION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** PascalCase of a kebab-case or spaced name: `reserve-stock` → `ReserveStock`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Declares a task handler. Compiles to a Task on `arn:aws:states:::lambda:invoke` whose
 * FunctionName is the placeholder `${<Name>FunctionArn}`; the local engine calls `handler` itself.
 */
export function fn<In, Out>(name: string, handler: TaskHandler<In, Out>): TaskFunction<In, Awaited<Out>> {
  if (!FUNCTION_NAME.test(name)) {
    throw new DefinitionError([
      {
        severity: 'error',
        code: 'invalid-function-name',
        workflow: `fn('${name}')`,
        statePath: [],
        location: callerLocation(),
        message: "function names are kebab-case, e.g. 'reserve-stock'",
      },
    ]);
  }
  return {
    kind: 'function',
    name,
    placeholder: `${pascalCase(name)}FunctionArn`,
    handler: handler as TaskHandler<In, Awaited<Out>>,
  };
}

/** Whether a value is a task function made by `fn`. */
export function isTaskFunction(value: unknown): value is AnyTaskFunction {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'function';
}

/** Any task function, whatever its types (handlers are contravariant in their input). */
export type AnyTaskFunction = TaskFunction<never, unknown>;
