/** `statecraft compile [names...] [--out dist/asl]`: writes each workflow's ASL and substitutions. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { compileAll, DefinitionError, formatDiagnostic, stringifyDefinition, type CompiledWorkflow } from '../../workflows/dsl';
import type { CliIo } from '../cli-io';
import { selectWorkflows } from '../select-workflows';

const DEFAULT_OUT_DIR = 'dist/asl';

export function compileCommand({ stdout, stderr }: CliIo): Command {
  return new Command('compile')
    .description('Compile workflows to Amazon States Language; on any error nothing is written.')
    .argument('[names...]', 'workflow names (default: the whole catalogue)')
    .option('-o, --out <dir>', 'output directory', DEFAULT_OUT_DIR)
    .addHelpText(
      'after',
      '\nWrites <name>.asl.json and <name>.substitutions.json per workflow.\nExample: statecraft compile deploy-service --out build/asl',
    )
    .action((names: string[], options: { out: string }) => {
      const compiled = compileOrReport(selectWorkflows(names), stderr);
      if (!compiled) {
        stderr.write('nothing written\n');
        return;
      }
      fs.mkdirSync(options.out, { recursive: true });
      for (const workflow of compiled) {
        const base = path.join(options.out, workflow.name);
        fs.writeFileSync(`${base}.asl.json`, stringifyDefinition(workflow.definition));
        fs.writeFileSync(`${base}.substitutions.json`, `${JSON.stringify(workflow.substitutions, null, 2)}\n`);
        stdout.write(`compiled ${workflow.name} → ${base}.asl.json (${Object.keys(workflow.definition.States).length} top-level states)\n`);
      }
    });
}

/** Compiles, printing warnings to `stderr`; on errors prints every diagnostic, sets exit code 1 and returns undefined. */
export function compileOrReport(
  workflows: Parameters<typeof compileAll>[0],
  stderr: NodeJS.WritableStream,
): CompiledWorkflow[] | undefined {
  try {
    const compiled = compileAll(workflows);
    for (const warning of compiled.flatMap((workflow) => workflow.warnings)) stderr.write(`${formatDiagnostic(warning)}\n`);
    return compiled;
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    for (const diagnostic of error.diagnostics) stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
    stderr.write(`${errors} error${errors === 1 ? '' : 's'}\n`);
    process.exitCode = 1;
    return undefined;
  }
}
