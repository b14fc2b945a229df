/** `statecraft dev`: the whole embedded stack in one process — dynalite, the engine with the catalogue, the REST API and live events. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_DATA_DIR } from '../../api/config';
import { DEFAULT_WEB_DIR } from '../../api/web-console';
import { DEFAULT_LEX_PORT } from '../../bot/emulator';
import { consoleLogger } from '../console-logger';
import { devToken, DEV_TOKEN_GROUPS, DEV_TOKEN_USER } from '../local/dev-token';
import { startDevStack } from '../local/start-dev-stack';
import { untilStopped } from '../local/until-stopped';
import { selectWorkflows } from '../select-workflows';
import { compileOrReport } from './compile';
import { ENGINE_DEFAULTS, parsePort } from './engine';

/** The API's port unless PORT is set. */
const DEFAULT_API_PORT = '3000';

export function devCommand(): Command {
  return new Command('dev')
    .description('Run Statecraft locally in one process: DynamoDB (dynalite), the Step Functions engine with the catalogue deployed, the REST API and the local Lex runtime (the chatbot).')
    .addHelpText('after', '\nPorts and data dir come from PORT (3000), SFN_PORT (8083), DYNAMODB_PORT (8000), LEX_PORT (8084) and STATECRAFT_DATA_DIR (.statecraft).\nLive events are served at ws://127.0.0.1:<PORT>/ws, and the web console (its web/dist build) at http://127.0.0.1:<PORT>/.')
    .action(runDev);
}

/** Compiles the catalogue, starts the stack, prints URLs and a token, and stops everything on Ctrl-C. */
export async function runDev(): Promise<void> {
  const compiled = compileOrReport(selectWorkflows([]));
  if (!compiled) return;
  process.stdout.write(`Statecraft: ${compiled.length} workflows compiled and valid: ${compiled.map((workflow) => workflow.name).join(', ')}\n`);
  const logger = consoleLogger('info');
  const stack = await startDevStack({
    dataDir: ENGINE_DEFAULTS.dataDir,
    apiPort: parsePort(process.env.PORT ?? DEFAULT_API_PORT, 'PORT'),
    sfnPort: parsePort(ENGINE_DEFAULTS.port, 'SFN_PORT'),
    dynamodbPort: parsePort(ENGINE_DEFAULTS.dynamodbPort, 'DYNAMODB_PORT'),
    lexPort: parsePort(process.env.LEX_PORT ?? String(DEFAULT_LEX_PORT), 'LEX_PORT'),
    logger,
    env: process.env,
  });
  try {
    const token = await devToken(ENGINE_DEFAULTS.dataDir);
    process.stdout.write(
      [
        `Web console     ${stack.apiUrl}/${fs.existsSync(path.join(DEFAULT_WEB_DIR, 'index.html')) ? '' : `   (not built yet: no index.html in ${DEFAULT_WEB_DIR})`}`,
        `REST API        ${stack.apiUrl}/api   (OpenAPI: ${stack.apiUrl}/api/openapi.json)`,
        `Live events     ${stack.liveUrl}   (WebSocket; ?token=$TOKEN or a first {"type":"auth","token":...} message)`,
        `Chatbot         POST ${stack.apiUrl}/api/chat, or: npx statecraft chat --user alice --groups operators,release-managers,finance`,
        `Lex runtime     ${stack.lexEndpoint}   (bot STATECRAFT, alias TSTALIASID, locale en_US; npx statecraft demo seeds runs to talk about)`,
        `Step Functions  ${stack.engine.sfnEndpoint}`,
        `DynamoDB        ${stack.engine.dynamodbEndpoint}`,
        `Data            ${ENGINE_DEFAULTS.dataDir}`,
        '',
        `Token for ${DEV_TOKEN_USER} (${DEV_TOKEN_GROUPS.join(', ')}), valid 8h:`,
        token,
        '',
        `Try: curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/api/workflows`,
        `Other tokens: npx statecraft token${ENGINE_DEFAULTS.dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${ENGINE_DEFAULTS.dataDir}`} --user alice --groups operators,finance`,
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
