/** `statecraft validate <file.asl.json>...`: checks any ASL file, ours or foreign. */
import * as fs from 'node:fs';
import { types } from 'node:util';
import { Command } from 'commander';
import { formatDiagnostic, hasErrors } from '../../workflows/dsl';
import { checkDefinition } from '../../workflows/dsl/checks/check-definition';
import type { CliIo } from '../cli-io';

/** Exit codes: every file valid, some file invalid, some file unreadable (wins over invalid). */
const EXIT = { valid: 0, invalid: 1, unreadable: 2 } as const;

export function validateCommand({ stdout, stderr }: CliIo): Command {
  return new Command('validate')
    .description('Validate Amazon States Language files with the checks compile applies, then asl-validator.')
    .argument('<files...>', 'ASL definition files (JSON)')
    .addHelpText(
      'after',
      '\nExit status: 0 all valid, 1 some file invalid, 2 some file unreadable.\nExample: statecraft validate dist/asl/*.asl.json',
    )
    .action((files: string[]) => {
      let exitCode: number = EXIT.valid;
      for (const file of files) {
        const read = readJson(file);
        if (!read.ok) {
          stderr.write(`${file}: cannot read: ${read.problem}\n`);
          exitCode = EXIT.unreadable;
          continue;
        }
        const diagnostics = checkDefinition(read.definition, { workflow: file });
        for (const diagnostic of diagnostics) stderr.write(`${formatDiagnostic(diagnostic)}\n`);
        if (hasErrors(diagnostics)) {
          exitCode = Math.max(exitCode, EXIT.invalid);
        } else {
          stdout.write(
            `${file}: valid${diagnostics.length > 0 ? ` (${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'})` : ''}\n`,
          );
        }
      }
      process.exitCode = exitCode;
    });
}

/** The parsed file, or why it cannot be read. */
function readJson(file: string): { ok: true; definition: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, definition: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    // isNativeError, not instanceof: Node's fs errors belong to another realm than an in-process test's Error.
    return { ok: false, problem: types.isNativeError(error) ? error.message : String(error) };
  }
}
