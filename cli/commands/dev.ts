/** `statecraft dev`: the product on its embedded default — today the Step Functions engine and DynamoDB. */
import { Command } from 'commander';
import { selectWorkflows } from '../select-workflows';
import { compileOrReport } from './compile';
import { ENGINE_DEFAULTS, runEngine } from './engine';

export function devCommand(): Command {
  return new Command('dev')
    .description('Run Statecraft locally: compiles the catalogue, then starts the embedded Step Functions engine and DynamoDB with it deployed.')
    .addHelpText('after', '\nPorts and data dir come from SFN_PORT (8083), DYNAMODB_PORT (8000) and STATECRAFT_DATA_DIR (.statecraft).\nThe REST API, live events and the web console join this command as they land.')
    .action(async () => {
      const compiled = compileOrReport(selectWorkflows([]));
      if (!compiled) return;
      process.stdout.write(`Statecraft: ${compiled.length} workflows compiled and valid: ${compiled.map((workflow) => workflow.name).join(', ')}\n`);
      process.stdout.write('Try: npx statecraft run order-fulfillment --fast-time   (one run in-process)\n');
      await runEngine({ ...ENGINE_DEFAULTS });
    });
}
