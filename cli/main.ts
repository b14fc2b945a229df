/** The `statecraft` command line: one file per command under cli/commands. */
import { types } from 'node:util';
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { chatCommand } from './commands/chat';
import { compileCommand } from './commands/compile';
import { demoCommand } from './commands/demo';
import { devCommand } from './commands/dev';
import { engineCommand } from './commands/engine';
import { graphCommand } from './commands/graph';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { testCommand } from './commands/test';
import { tokenCommand } from './commands/token';
import { validateCommand } from './commands/validate';
import { CliError } from './cli-error';
import { processIo, type CliIo, type CliOutput } from './cli-io';

/** Builds the program on `io`; commands set `process.exitCode`, which main() turns into its result. */
export function createProgram(io: CliIo = processIo()): Command {
  const output: OutputConfiguration = {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    getOutHelpWidth: () => helpWidth(io.stdout),
    getErrHelpWidth: () => helpWidth(io.stderr),
  };
  const program = new Command('statecraft')
    .description('Define, run, watch and approve workflows on AWS Step Functions.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(output)
    .exitOverride();
  const commands = [
    listCommand,
    compileCommand,
    validateCommand,
    graphCommand,
    runCommand,
    testCommand,
    engineCommand,
    devCommand,
    tokenCommand,
    chatCommand,
    demoCommand,
  ];
  for (const command of commands) program.addCommand(command(io).configureOutput(output).exitOverride());
  return program;
}

/** Commander's help width where the output is no terminal (pipes, files, tests). */
const DEFAULT_HELP_WIDTH = 80;

/** A terminal's width, or DEFAULT_HELP_WIDTH. */
function helpWidth(stream: CliOutput): number {
  return (stream.isTTY === true && stream.columns) || DEFAULT_HELP_WIDTH;
}

/**
 * Runs the CLI with `argv` (as process.argv) on `io`; resolves to the exit code. `process.exitCode`
 * is left as it was found, so the binary sets it and tests may call main() again.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const outer = process.exitCode;
  process.exitCode = undefined;
  try {
    await createProgram(io).parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      io.stderr.write(`statecraft: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`statecraft: unexpected error: ${types.isNativeError(error) ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    process.exitCode = outer;
  }
}
