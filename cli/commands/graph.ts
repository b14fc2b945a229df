/** `statecraft graph <name> [--format mermaid|json]`: a workflow's graph, for docs or the console. */
import { Command, Option } from 'commander';
import { toMermaid } from '../../workflows/dsl/graph';
import type { CliIo } from '../cli-io';
import { selectWorkflows } from '../select-workflows';
import { compileOrReport } from './compile';

export function graphCommand({ stdout, stderr }: CliIo): Command {
  return new Command('graph')
    .description("Print a workflow's graph as Mermaid (default) or JSON nodes and edges.")
    .argument('<name>', 'workflow name')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'json']).default('mermaid'))
    .addHelpText('after', '\nExample: statecraft graph deploy-service > deploy-service.mmd')
    .action((name: string, options: { format: 'mermaid' | 'json' }) => {
      const [compiled] = compileOrReport(selectWorkflows([name]), stderr) ?? [];
      if (!compiled) return;
      stdout.write(options.format === 'json' ? `${JSON.stringify(compiled.graph, null, 2)}\n` : toMermaid(compiled.graph));
    });
}
