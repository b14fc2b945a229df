/** Errors raised while an execution runs; Retry and Catch match on `code`. */
import type { StatesErrorName } from '../asl';

/** Extra context an ASL error may carry. */
export type StatesErrorOptions = {
  cause?: unknown;
  /** The field whose evaluation failed (`Output/result`), reported in EvaluationFailed events. */
  location?: string;
  /** A more specific name Retry and Catch also match (States.HeartbeatTimeout for a heartbeat expiry). */
  alsoMatches?: string;
};

/**
 * An ASL error: `code` is the error name (`States.TaskFailed`, `States.Timeout`, or the `Error`
 * a Fail state or a task handler sets) and `details` is the `Cause` text AWS reports.
 */
export class StatesError extends Error {
  override readonly name = 'StatesError';
  readonly location?: string;
  readonly alsoMatches?: string;

  constructor(
    readonly code: StatesErrorName | (string & {}),
    readonly details: string = '',
    options: StatesErrorOptions = {},
  ) {
    super(details ? `${code}: ${details}` : code, { cause: options.cause });
    this.location = options.location;
    this.alsoMatches = options.alsoMatches;
  }
}

/** Why a running scope was told to stop: the execution was stopped, timed out, or a sibling branch failed. */
export type InterruptReason = 'aborted' | 'timed-out' | 'branch-cancelled' | 'engine-closed';

/**
 * Thrown through a running scope when it must stop without recording anything more
 * (StopExecution, the execution timeout, a failed sibling branch, engine shutdown).
 */
export class ExecutionInterrupted extends Error {
  override readonly name = 'ExecutionInterrupted';
  readonly code = 'ExecutionInterrupted';

  constructor(readonly reason: InterruptReason) {
    super(`execution interrupted: ${reason}`);
  }
}

/** Whether `error` is the interruption of a StopExecution (recorded as `…Aborted` events). */
export function isStopRequest(error: unknown): boolean {
  return error instanceof ExecutionInterrupted && error.reason === 'aborted';
}

/**
 * Raised inside JSONata by the AWS-specific functions ($partition, $range, …) when given bad
 * arguments; jsonata-expression.ts reports it as a States.QueryEvaluationError.
 */
export class JsonataFunctionError extends Error {
  override readonly name = 'JsonataFunctionError';
  readonly code = 'D3137';

  constructor(functionName: string, message: string) {
    super(`${functionName}: ${message}`);
  }
}

/**
 * Jayway JsonPath's failures, with Jayway's message: `InvalidPath` (InvalidPathException: the path
 * does not compile, or a filter cannot apply), `PathNotFound` (PathNotFoundException) and
 * `Evaluation` (anything else Jayway throws while evaluating, e.g. an unparsable JSON literal).
 * They never leave data-flow: lookups turn them into the causes AWS reports.
 */
export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';

  constructor(
    readonly code: 'InvalidPath' | 'PathNotFound' | 'Evaluation',
    message: string,
  ) {
    super(message);
  }
}

/** What DynamoDB said besides the exception name and message. */
export type DynamoDbItemsErrorOptions = { statusCode?: number; requestId?: string; cause?: unknown };

/**
 * Thrown by an injected DynamoDbItems when DynamoDB answers with an exception
 * (`exceptionName` as on the wire: `ConditionalCheckFailedException`, `ValidationException`, …);
 * the DynamoDB integration reports it as the task error `DynamoDB.<Name>`.
 */
export class DynamoDbItemsError extends Error {
  override readonly name = 'DynamoDbItemsError';
  readonly code = 'DynamoDbItemsError';
  readonly statusCode?: number;
  readonly requestId?: string;

  constructor(
    readonly exceptionName: string,
    message: string,
    options: DynamoDbItemsErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.statusCode = options.statusCode;
    this.requestId = options.requestId;
  }
}
