/** What a command reads, writes and waits for: the process's own streams and signals in the binary, a test's in-process. */
import { untilStopped } from './local/until-stopped';

/** A readable standard input, a terminal or not. */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean };

/** A writable standard output, a terminal (with its width) or not. */
export type CliOutput = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; hasColors?(): boolean };

/** The streams of one invocation, and what ends a long-running command (engine, dev). */
export type CliIo = {
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** Resolves when a long-running command should stop: Ctrl-C or SIGTERM in the binary. */
  readonly untilStopped: () => Promise<unknown>;
};

/** The process's own streams and signals (stdin only opened when a command reads it). */
export function processIo(): CliIo {
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    untilStopped,
  };
}
