/** The one error handler: HttpError and zod errors become problem+json; anything else is logged and a bare 500. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from '../errors';
import type { ApiLogger } from '../logger';
import { CHALLENGE } from './authenticate';

/** Unmatched routes: 404 problem. */
export function notFound(): RequestHandler {
  return function routeNotFound(req) {
    throw new HttpError(404, 'route-not-found', `no route for ${req.method} ${req.path}`);
  };
}

/** Renders errors; internals of unexpected ones never reach the client. */
export function errorHandler(logger: ApiLogger): ErrorRequestHandler {
  return function renderError(error: unknown, req, res, next) {
    if (res.headersSent) return next(error);
    const requestId: unknown = res.locals.requestId;
    const problem = toHttpError(error);
    if (!problem) {
      logger.error('unhandled error', { requestId, method: req.method, path: req.path, error: describe(error) });
    }
    const http = problem ?? new HttpError(500, 'internal-error', 'something went wrong; the request id helps find it in the logs');
    if (http.status === 401) res.set('WWW-Authenticate', http.code === 'missing-token' ? CHALLENGE : `${CHALLENGE}, error="invalid_token"`);
    res
      .status(http.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...http.toJSON(), requestId }));
  };
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `body field '${dotted(issue.path)}'` : 'request';
    return new HttpError(400, 'validation-failed', `${where}: ${issue?.message ?? 'invalid'}`, {
      errors: error.issues.map((each) => ({ field: dotted(each.path), message: each.message })),
    });
  }
  // Errors from Express itself (e.g. a path that is not valid percent-encoding) carry a client status.
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new HttpError(status, 'bad-request', 'the request could not be understood');
  return undefined;
}

/** `input.items.0.sku`: a zod path as the client wrote the field. */
function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
