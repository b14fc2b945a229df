/**
 * Runs `statecraft` in this process through main(), as the binary does but without its ~1 s start:
 * stdin, stdout and stderr are the test's own streams, and a long-running command (engine, dev)
 * stops as soon as it is up. Calls must not overlap: `env` is set on process.env while one runs.
 */
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../cli/main';
import type { CliResult } from './run-cli';

/** What one call is given besides its arguments. */
export type InvokeOptions = { env?: Record<string, string>; input?: string };

/** Runs `statecraft <args>` with `env` added to process.env meanwhile and `input` on stdin. */
export async function invokeCli(args: readonly string[], { env = {}, input = '' }: InvokeOptions = {}): Promise<CliResult> {
  const stdout = captured();
  const stderr = captured();
  const stdin = new PassThrough();
  stdin.end(input);
  const restoreEnv = withEnv(env);
  try {
    const code = await main(['node', 'statecraft', ...args], {
      stdin,
      stdout: stdout.stream,
      stderr: stderr.stream,
      untilStopped: () => Promise.resolve('stopped by the test'),
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    restoreEnv();
  }
}

/** A stream that keeps what is written to it (decoded at the end, so a character split across chunks stays whole). */
function captured(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Sets `env` on process.env; the returned function puts back what was there. */
function withEnv(env: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
