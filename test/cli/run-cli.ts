/** Runs the real `statecraft` binary in a child process, from the repository root. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'cli/bin/statecraft.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `statecraft <args>` in `cwd`, with `env` added to this process's environment. */
export function runCli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
