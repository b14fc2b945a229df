/** Jest globalSetup of the integration project: a directory that the test files of one run share (see shared-bundles.ts), removed by the teardown. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_RUN_DIR_ENV } from './test-run-dir';

export default function integrationGlobalSetup(): void {
  // Set before jest starts its workers, which inherit it.
  process.env[TEST_RUN_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-test-run-'));
}
