/**
 * Errors of the local Lex V2 runtime, in the rest-json shape the AWS SDK parses: the HTTP status,
 * header `x-amzn-ErrorType: <code>` and body `{"message": "..."}`.
 * https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_RecognizeText.html#API_runtime_RecognizeText_Errors
 */

/** The HTTP status of each AWS exception name the runtime answers with (service model `lexv2-runtime`). */
export const LEX_ERROR_STATUS = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
  ConflictException: 409,
  DependencyFailedException: 424,
  InternalServerException: 500,
} as const;

/** AWS exception names the runtime answers with. */
export type LexRuntimeErrorCode = keyof typeof LEX_ERROR_STATUS;

/** A runtime error: `code` is the AWS exception name, `status` its HTTP status. */
export class LexRuntimeError extends Error {
  override readonly name = 'LexRuntimeError';
  readonly status: number;

  constructor(
    readonly code: LexRuntimeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = LEX_ERROR_STATUS[code];
  }

  /** The response body. */
  toJSON(): { message: string } {
    return { message: this.message };
  }
}

/** Reports a problem with a value at a path; throws (parsers share it between request and code-hook validation). */
export type Fail = (message: string) => never;

/** A Fail that throws a LexRuntimeError with `code`, prefixing each message with `prefix`. */
export function failWith(code: LexRuntimeErrorCode, prefix = ''): Fail {
  return (message) => {
    throw new LexRuntimeError(code, `${prefix}${message}`);
  };
}
