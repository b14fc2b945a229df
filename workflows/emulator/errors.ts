/**
 * Errors of the Step Functions API, in the awsJson1_0 shape the AWS SDK parses:
 * HTTP 400 with `{"__type": "com.amazonaws.states#<code>", "message": "..."}`.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/CommonErrors.html
 */

/** AWS exception names this API answers with. */
export type StepFunctionsErrorCode =
  | 'ActivityAlreadyExists'
  | 'ActivityDoesNotExist'
  | 'ConflictException'
  | 'ExecutionAlreadyExists'
  | 'ExecutionDoesNotExist'
  | 'ExecutionLimitExceeded'
  | 'ExecutionNotRedrivable'
  | 'InvalidArn'
  | 'InvalidDefinition'
  | 'InvalidEncryptionConfiguration'
  | 'InvalidExecutionInput'
  | 'InvalidName'
  | 'InvalidOutput'
  | 'InvalidToken'
  | 'InvalidLoggingConfiguration'
  | 'InvalidTracingConfiguration'
  | 'MissingRequiredParameter'
  | 'ResourceNotFound'
  | 'ServiceQuotaExceededException'
  | 'StateMachineAlreadyExists'
  | 'StateMachineDeleting'
  | 'StateMachineDoesNotExist'
  | 'StateMachineTypeNotSupported'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'TooManyTags'
  | 'ValidationException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'InternalFailure';

const NAMESPACES: Partial<Record<StepFunctionsErrorCode, string>> = {
  UnknownOperationException: 'com.amazon.coral.service',
  SerializationException: 'com.amazon.coral.service',
  InternalFailure: 'com.amazon.coral.service',
};

/** An API error: `code` is the AWS exception name; `status` the HTTP status (400 unless internal). */
export class StepFunctionsError extends Error {
  override readonly name = 'StepFunctionsError';
  /** Members the exception carries besides its message (`resourceName` of ResourceNotFound and TooManyTags). */
  readonly fields?: Readonly<Record<string, string>>;

  constructor(
    readonly code: StepFunctionsErrorCode,
    message: string,
    readonly status = 400,
    options?: { cause?: unknown; fields?: Readonly<Record<string, string>> },
  ) {
    super(message, options);
    this.fields = options?.fields;
  }

  /** The response body. */
  toJSON(): { __type: string; message: string } {
    return { ...this.fields, __type: `${NAMESPACES[this.code] ?? 'com.amazonaws.states'}#${this.code}`, message: this.message };
  }
}
