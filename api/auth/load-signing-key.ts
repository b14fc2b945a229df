/** The local HS256 signing key: 32 random bytes in a file under the data dir, created on first use. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const KEY_BYTES = 32;

/** Reads the key file, creating it (mode 0600) when missing; the API and `statecraft token` share it. */
export function loadSigningKey(keyFile: string): Uint8Array {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    try {
      fs.writeFileSync(keyFile, randomBytes(KEY_BYTES).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new Uint8Array(Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64url'));
}
