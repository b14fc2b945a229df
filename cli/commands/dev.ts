/** `statecraft dev`: runs the product locally. Until the engine and API land, it compiles and lists the catalogue. */
import { Command } from 'commander';
import { selectWorkflows } from '../select-workflows';
import { compileOrReport } from './compile';

export function devCommand(): Command {
  return new Command('dev')
    .description('Run Statecraft locally on its embedded stack (today: compile and list the catalogue).')
    .action(() => {
      const compiled = compileOrReport(selectWorkflows([]));
      if (!compiled) return;
      process.stdout.write(`Statecraft: ${compiled.length} workflows compiled and valid:\n`);
      for (const workflow of compiled) process.stdout.write(`  ${workflow.name.padEnd(20)} ${workflow.definition.Comment ?? ''}\n`);
      process.stdout.write('\nComing next: the embedded Step Functions engine, the REST API with live events, and the web console.\n');
      process.stdout.write('Meanwhile: `npx statecraft compile` writes the ASL to dist/asl, `npx statecraft graph <name>` draws a workflow.\n');
    });
}
