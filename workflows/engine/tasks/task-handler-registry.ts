/**
 * The TypeScript functions that stand in for Lambda functions: a Task calling
 * `arn:aws:states:::lambda:invoke` (or a Lambda ARN) runs the handler registered under that name.
 */

/** What a handler learns about the task invoking it. */
export type TaskHandlerContext = {
  functionName: string;
  executionArn: string;
  stateName: string;
  /** Set for `.waitForTaskToken` tasks: the token to hand to whoever calls SendTaskSuccess. */
  taskToken?: string;
  signal: AbortSignal;
};

/** A Lambda-style handler: gets the payload, returns the result or throws (surfacing as Lambda does). */
export type TaskHandler = (input: unknown, context: TaskHandlerContext) => unknown;

/** Looks handlers up by function name. */
export type TaskHandlerRegistry = { get(functionName: string): TaskHandler | undefined };

/** A registry over a plain object or Map of handlers. */
export function createTaskHandlerRegistry(
  handlers: Readonly<Record<string, TaskHandler>> | ReadonlyMap<string, TaskHandler> = {},
): TaskHandlerRegistry {
  const map = new Map<string, TaskHandler>(handlers instanceof Map ? handlers : Object.entries(handlers));
  return { get: (functionName) => map.get(functionName) };
}
