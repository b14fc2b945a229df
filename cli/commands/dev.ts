/** `statecraft dev`: the whole embedded stack in one process — dynalite, the engine with the catalogue, the REST API and live events. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_WEB_DIR } from '../../api/web-console';
import { DEFAULT_DATA_DIR } from '../../workflows/local-defaults';
import type { CliIo } from '../cli-io';
import { consoleLogger } from '../console-logger';
import { devToken, DEV_TOKEN_GROUPS, DEV_TOKEN_USER } from '../local/dev-token';
import { startDevStack } from '../local/start-dev-stack';
import { selectWorkflows } from '../select-workflows';
import { apiPortOption, dataDirOption, dynamodbPortOption, lexPortOption, sfnPortOption } from '../stack-options';
import { compileOrReport } from './compile';

type DevOptions = { apiPort: number; port: number; dynamodbPort: number; lexPort: number; dataDir: string };

export function devCommand(io: CliIo): Command {
  return new Command('dev')
    .description(
      'Run Statecraft locally in one process: DynamoDB (dynalite), the Step Functions engine with the catalogue deployed, the REST API and the local Lex runtime (the chatbot).',
    )
    .addOption(apiPortOption())
    .addOption(sfnPortOption())
    .addOption(dynamodbPortOption())
    .addOption(lexPortOption())
    .addOption(dataDirOption('where executions, DynamoDB data and the signing key are kept'))
    .addHelpText(
      'after',
      '\nLive events are served at ws://127.0.0.1:<api-port>/ws, and the web console (its web/dist build) at http://127.0.0.1:<api-port>/.',
    )
    .action((options: DevOptions) => runDev(options, io));
}

/** Compiles the catalogue, starts the stack, prints URLs and a token, and stops everything when `io` says stop (Ctrl-C). */
export async function runDev(options: DevOptions, { stdout, stderr, untilStopped }: CliIo): Promise<void> {
  const compiled = compileOrReport(selectWorkflows([]), stderr);
  if (!compiled) return;
  stdout.write(`Statecraft: ${compiled.length} workflows compiled and valid: ${compiled.map((workflow) => workflow.name).join(', ')}\n`);
  const logger = consoleLogger('info', (line) => stderr.write(line));
  const { dataDir } = options;
  const stack = await startDevStack({
    dataDir,
    apiPort: options.apiPort,
    sfnPort: options.port,
    dynamodbPort: options.dynamodbPort,
    lexPort: options.lexPort,
    logger,
    env: process.env,
  });
  try {
    const token = await devToken(dataDir);
    stdout.write(
      [
        `Web console     ${stack.apiUrl}/${fs.existsSync(path.join(DEFAULT_WEB_DIR, 'index.html')) ? '' : `   (not built yet: no index.html in ${DEFAULT_WEB_DIR})`}`,
        `REST API        ${stack.apiUrl}/api   (OpenAPI: ${stack.apiUrl}/api/openapi.json)`,
        `Live events     ${stack.liveUrl}   (WebSocket; ?token=$TOKEN or a first {"type":"auth","token":...} message)`,
        `Chatbot         POST ${stack.apiUrl}/api/chat, or: npx statecraft chat --user alice --groups operators,release-managers,finance`,
        `Lex runtime     ${stack.lexEndpoint}   (bot STATECRAFT, alias TSTALIASID, locale en_US; npx statecraft demo seeds runs to talk about)`,
        `Step Functions  ${stack.engine.sfnEndpoint}`,
        `DynamoDB        ${stack.engine.dynamodbEndpoint}`,
        `Data            ${dataDir}`,
        '',
        `Token for ${DEV_TOKEN_USER} (${DEV_TOKEN_GROUPS.join(', ')}), valid 8h:`,
        token,
        '',
        `Try: curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/api/workflows`,
        `Other tokens: npx statecraft token${dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${dataDir}`} --user alice --groups operators,finance`,
        'Who may do what: the access model in README.md; the live socket protocol in api/openapi/live-events.md.',
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    await untilStopped();
  } finally {
    logger.info('stopping');
    await stack.stop();
  }
}
