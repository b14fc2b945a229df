/** The catalogue's `fn` handlers, registered under their function names for the embedded engine. */
import type { TaskHandler } from '../../workflows/engine';
import { taskFunctions } from '../../workflows/definitions';

/** Function name → engine task handler (the same module Lambda runs on AWS). */
export function catalogueHandlers(): Record<string, TaskHandler> {
  return Object.fromEntries(
    taskFunctions.map(
      (fn) => [fn.name, (input: unknown, context) => fn.handler(input as never, { executionArn: context.executionArn })] as const,
    ),
  );
}
