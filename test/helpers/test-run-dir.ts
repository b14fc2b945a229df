/** The directory the test files of one jest run share: made by the integration project's globalSetup, or a private one when a file runs without it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where globalSetup passes the directory to the workers. */
export const TEST_RUN_DIR_ENV = 'STATECRAFT_TEST_RUN_DIR';

/** The run's shared directory. */
export function testRunDir(): string {
  const shared = process.env[TEST_RUN_DIR_ENV];
  if (shared && fs.existsSync(shared)) return shared;
  // No globalSetup (another jest config): this process keeps its own, removed when it exits.
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-test-run-'));
  process.env[TEST_RUN_DIR_ENV] = own;
  process.once('exit', () => fs.rmSync(own, { recursive: true, force: true }));
  return own;
}
