/** `statecraft validate <file.asl.json>...`: checks any ASL file, ours or foreign. */
import * as fs from 'node:fs';
import { Command } from 'commander';
import { formatDiagnostic, hasErrors } from '../../workflows/dsl';
import { checkDefinition } from '../../workflows/dsl/checks/check-definition';

/** Exit codes: every file valid, some file invalid, some file unreadable (wins over invalid). */
const EXIT = { valid: 0, invalid: 1, unreadable: 2 } as const;

export function validateCommand(): Command {
  return new Command('validate')
    .description('Validate Amazon States Language files with the checks compile applies, then asl-validator.')
    .argument('<files...>', 'ASL definition files (JSON)')
    .addHelpText('after', '\nExit status: 0 all valid, 1 some file invalid, 2 some file unreadable.\nExample: statecraft validate dist/asl/*.asl.json')
    .action((files: string[]) => {
      let exitCode: number = EXIT.valid;
      for (const file of files) {
        const definition = readJson(file);
        if (definition instanceof Error) {
          process.stderr.write(`${file}: cannot read: ${definition.message}\n`);
          exitCode = EXIT.unreadable;
          continue;
        }
        const diagnostics = checkDefinition(definition, { workflow: file });
        for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
        if (hasErrors(diagnostics)) {
          exitCode = Math.max(exitCode, EXIT.invalid);
        } else {
          process.stdout.write(`${file}: valid${diagnostics.length > 0 ? ` (${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'})` : ''}\n`);
        }
      }
      process.exitCode = exitCode;
    });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
