/** JSON request bodies up to 256 KiB (the Step Functions input limit), with clear 400/413/415 problems. */
import express, { type RequestHandler } from 'express';
import { HttpError } from '../errors';

/** The body limit, in bytes: the largest execution input Step Functions accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** express.json, with body-parser's errors turned into HttpErrors. */
export function jsonBody({ limit = MAX_BODY_BYTES }: { limit?: number } = {}): RequestHandler {
  const parse = express.json({ limit });
  return function parseJsonBody(req, res, next) {
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toHttpError(error, limit)));
  };
}

function toHttpError(error: unknown, limit: number): unknown {
  const type = typeof error === 'object' && error !== null && 'type' in error ? (error as { type: unknown }).type : undefined;
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
