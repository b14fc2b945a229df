/**
 * The emulator in a child process (test/helpers/emulator-process.ts), for tests that kill it with
 * SIGKILL and start it again on the same data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '../..');
const TSX_LOADER = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const ENTRY = join(ROOT, 'test/helpers/emulator-process.ts');

/** Whether the child can be started (tsx's loader is installed). */
export const CAN_LAUNCH_EMULATOR = existsSync(TSX_LOADER);

/** Starts the emulator on `dataDir` (its `record` handler logs each call to `logFile`); resolves once it listens. */
export function launchEmulator(dataDir: string, logFile: string): Promise<{ child: ChildProcess; endpoint: string }> {
  // Node itself runs the server (tsx as a loader, not tsx's CLI, which would fork a grandchild that SIGKILL misses).
  const child = spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, ENTRY, dataDir, logFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening (\d+)/.exec(text);
      if (match) done({ child, endpoint: `http://127.0.0.1:${match[1]}` });
    });
    child.on('exit', (code) => fail(new Error(`emulator exited with ${code}`)));
  });
}

/** Kills the child with SIGKILL; resolves once it has exited. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}
