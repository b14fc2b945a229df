/** The cursor of `GET /api/runs`: which workflow the listing had reached, and Step Functions' nextToken in it. */
import { HttpError } from '../errors';

/** Position in a listing across state machines. */
export type RunCursor = { workflow: string; nextToken?: string };

/** Opaque base64url JSON. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Parses a cursor this API returned; 400 `invalid-cursor` otherwise. */
export function decodeRunCursor(text: string): RunCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const { workflow, nextToken } = value as Record<string, unknown>;
    if (typeof workflow === 'string' && (nextToken === undefined || typeof nextToken === 'string')) return { workflow, nextToken };
  }
  throw new HttpError(400, 'invalid-cursor', 'the cursor is not one this API returned');
}
