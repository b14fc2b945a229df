/** PutSession's `x-amz-lex-*` response headers carry JSON as base64(gzip(JSON)) (LEX.md §5). */
import { gzipSync } from 'node:zlib';

/** The header value for `value`. */
export function encodeLexHeader(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
}
