/** Jest globalTeardown of the integration project: removes the run's shared directory. */
import * as fs from 'node:fs';
import { TEST_RUN_DIR_ENV } from './test-run-dir';

export default function integrationGlobalTeardown(): void {
  const dir = process.env[TEST_RUN_DIR_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
