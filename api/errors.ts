/**
 * API errors: each carries an HTTP status and a stable `code`, and renders as RFC 9457
 * `application/problem+json`. The error-handler middleware turns them into responses.
 */

export type ProblemJson = { type: string; title: string; status: number; code: string; detail: string; [extension: string]: unknown };

/** An error with a status, a stable code and optional extra fields for the client. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The problem+json body. */
  toJSON(): ProblemJson {
    // Extra members come first: they may add to the problem, never replace its status or code.
    return {
      ...this.extra,
      type: `https://statecraft.dev/problems/${this.code}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.message,
    };
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Who is calling, from the verified token: set on `res.locals.caller` by the auth middleware. */
export type Caller = { user: string; groups: readonly string[]; /** When the token stops being valid (epoch ms). */ expiresAt?: number };
