/** The `statecraft` command line: one file per command under cli/commands. */
import { Command, CommanderError } from 'commander';
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

/** Builds the program; commands set `process.exitCode` through the returned code. */
export function createProgram(): Command {
  const program = new Command('statecraft')
    .description('Define, run, watch and approve workflows on AWS Step Functions.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of [listCommand(), compileCommand(), validateCommand(), graphCommand(), runCommand(), testCommand(), engineCommand(), devCommand(), tokenCommand(), chatCommand(), demoCommand()]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}

/** Runs the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`statecraft: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`statecraft: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
