/** Reads a base64(gzip(JSON)) `x-amz-lex-*` header, as a client of PutSession (the JS SDK returns the raw strings). */
import { gunzipSync } from 'node:zlib';

/** The JSON value in the header (parse it further at the call site). */
export function decodeLexHeader(header: string): unknown {
  return JSON.parse(gunzipSync(Buffer.from(header, 'base64')).toString('utf8')) as unknown;
}
