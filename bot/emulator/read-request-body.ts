/** Reads a request body up to a size limit; past it the rest is drained and a ValidationException raised. */
import type { Readable } from 'node:stream';
import { LexRuntimeError } from './errors';

/** The body, or a ValidationException when it is larger than `limit` bytes. */
export async function readRequestBody(request: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) {
      request.resume();
      throw new LexRuntimeError('ValidationException', `The request body is larger than ${limit} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
