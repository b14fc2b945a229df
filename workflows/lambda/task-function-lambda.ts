/**
 * A `fn()` task handler as a Lambda function: the state's Payload is the event, the handler's
 * result is the function's result, and a thrown error's `name` becomes the Lambda `errorType`,
 * which Step Functions reports as the state's Error (so `Retry` and `Catch` match it as locally).
 */
import type { TaskFunction } from '../dsl';

/** What the Lambda Node.js runtime passes as context (the part the handler uses). */
export type LambdaContext = { getRemainingTimeInMillis(): number };

/** The Lambda handler of `fn`. */
export function taskFunctionLambda<In, Out>(fn: TaskFunction<In, Out>): (event: In, context: LambdaContext) => Promise<Out> {
  return async (event, context) => fn.handler(event, { remainingTimeMs: () => context.getRemainingTimeInMillis() });
}
