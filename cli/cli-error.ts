/** A failure the CLI reports as one line on stderr with its exit code (no stack trace). */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
