/** JSON request bodies up to 256 KiB (the Step Functions input limit) and 64 levels deep, with clear 400/413/415 problems. */
import express, { type Request, type RequestHandler } from 'express';
import { HttpError } from '../errors';

/** The body limit, in bytes: the largest execution input Step Functions accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The deepest nesting a body may have: far beyond any real input, far below what recursive code downstream (JSON.stringify) survives. */
export const MAX_JSON_DEPTH = 64;

/** The media types parsed as JSON; a body of any other type is a 415. */
const JSON_TYPES = ['application/json', 'application/*+json'];

/** Methods whose body the API reads. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** express.json, with body-parser's errors turned into HttpErrors, non-JSON bodies refused and the parsed depth bounded. */
export function jsonBody({
  limit = MAX_BODY_BYTES,
  maxDepth = MAX_JSON_DEPTH,
}: { limit?: number; maxDepth?: number } = {}): RequestHandler {
  const parse = express.json({ limit, type: JSON_TYPES });
  return function parseJsonBody(req, res, next) {
    if (BODY_METHODS.has(req.method) && hasBody(req) && !req.is(JSON_TYPES)) {
      next(new HttpError(415, 'unsupported-media-type', 'send the body as application/json', { accepted: JSON_TYPES }));
      return;
    }
    parse(req, res, (error?: unknown) => {
      if (error !== undefined) return next(toHttpError(error, limit));
      if (nestsDeeperThan(req.body, maxDepth))
        return next(new HttpError(400, 'json-too-deep', `the request body nests deeper than ${maxDepth} levels`, { limit: maxDepth }));
      next();
    });
  };
}

/** Whether the request carries body bytes: chunked, or a Content-Length above 0 (`curl -X POST` sends neither). */
function hasBody(req: Request): boolean {
  return req.get('Transfer-Encoding') !== undefined || Number(req.get('Content-Length') ?? 0) > 0;
}

/** Whether `value` has objects or arrays nested more than `maxDepth` levels (the body itself is level 1); iterative, so no depth overflows it. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.node !== 'object' || next.node === null) continue;
    if (next.depth > maxDepth) return true;
    for (const child of Object.values(next.node)) pending.push({ node: child, depth: next.depth + 1 });
  }
  return false;
}

function toHttpError(error: unknown, limit: number): unknown {
  const type = typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
  switch (type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed-json', 'the request body is not valid JSON (an object or an array)', {}, { cause: error });
    case 'entity.too.large':
      return new HttpError(413, 'payload-too-large', `the request body is larger than ${limit} bytes`, { limit }, { cause: error });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-encoding', 'the request body must be UTF-8 JSON, uncompressed', {}, { cause: error });
    case 'request.size.invalid':
    case 'request.aborted':
      return new HttpError(400, 'bad-body', 'the request body does not match its Content-Length', {}, { cause: error });
    default:
      return error;
  }
}
