/** `statecraft engine`: the embedded Step Functions API (durable, SQLite) with the catalogue deployed. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/dsl';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, ScaledClock, type Logger, type TaskHandler } from '../../workflows/engine';
import { tables } from '../../workflows/definitions/tables';
import { createStepFunctionsServer, type StepFunctionsServer } from '../../workflows/emulator';
import { CliError } from '../cli-error';
import { consoleLogger, LOG_LEVELS, type LogLevel } from '../console-logger';
import { catalogueHandlers } from '../local/catalogue-handlers';
import { deployWorkflows, localSfnClient } from '../local/deploy-workflows';
import { ensureTables } from '../local/ensure-tables';
import { localDefinitions } from '../local/local-definitions';
import { startLocalDynamoDb } from '../local/local-dynamodb';
import { timeAnchor } from '../local/time-anchor';

export type EngineOptions = { port: string; dataDir: string; dynamodbPort: string; dynamodbEndpoint?: string; deploy: boolean; logLevel: LogLevel; timeScale?: string };

const ACCOUNT = { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID };
const ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/statecraft-local`;

export function engineCommand(): Command {
  return new Command('engine')
    .description('Run the embedded Step Functions API server (awsJson1_0) with the catalogue deployed; executions survive restarts.')
    .option('-p, --port <port>', 'port to listen on (env SFN_PORT)', ENGINE_DEFAULTS.port)
    .option('-d, --data-dir <dir>', 'where executions and DynamoDB data are kept (env STATECRAFT_DATA_DIR)', ENGINE_DEFAULTS.dataDir)
    .option('--dynamodb-port <port>', 'port of the embedded DynamoDB (env DYNAMODB_PORT)', ENGINE_DEFAULTS.dynamodbPort)
    .option('--dynamodb-endpoint <url>', 'use this DynamoDB endpoint instead of starting the embedded one')
    .option('--no-deploy', 'do not create or update the catalogue workflows')
    .option('--time-scale <factor>', 'run time this many times faster (waits, retries, timeouts), e.g. 1000')
    .addOption(new Option('--log-level <level>', 'log level (each request is logged at debug)').choices(LOG_LEVELS).default('info'))
    .addHelpText('after', '\nPoint any AWS SDK or the AWS CLI at it:\n  aws stepfunctions list-state-machines --endpoint-url http://127.0.0.1:8083')
    .action(runEngine);
}

/** Defaults of `statecraft engine` (and `statecraft dev`), from the environment where set. */
export const ENGINE_DEFAULTS = {
  port: process.env.SFN_PORT ?? '8083',
  dataDir: process.env.STATECRAFT_DATA_DIR ?? '.statecraft',
  dynamodbPort: process.env.DYNAMODB_PORT ?? '8000',
  deploy: true,
  logLevel: 'info',
} as const satisfies Omit<EngineOptions, 'dynamodbEndpoint' | 'timeScale'>;

/** Runs the embedded engine and DynamoDB until Ctrl-C or SIGTERM. */
export async function runEngine(options: EngineOptions): Promise<void> {
  const logger = consoleLogger(options.logLevel);
  const port = parsePort(options.port, '--port');
  const scale = options.timeScale === undefined ? 1 : Number(options.timeScale);
  if (!(scale >= 1)) throw new CliError(`--time-scale must be a number of at least 1, got '${options.timeScale}'`, 2);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dynamoDb = options.dynamodbEndpoint ? undefined : await listenOrExplain(() => startLocalDynamoDb({ port: parsePort(options.dynamodbPort, '--dynamodb-port'), path: path.join(options.dataDir, 'dynamodb') }), 'DynamoDB', options.dynamodbPort, '--dynamodb-port or DYNAMODB_PORT');
  const dynamodbEndpoint = options.dynamodbEndpoint ?? (dynamoDb?.endpoint as string);
  const clock = scale === 1 ? undefined : new ScaledClock({ scale, anchor: timeAnchor(options.dataDir, scale) });
  const server = createStepFunctionsServer({
    dataDir: options.dataDir,
    clock,
    logger,
    dynamodb: { endpoint: dynamodbEndpoint },
    taskHandlers: { ...catalogueHandlers(), [APPROVAL_REQUEST_FUNCTION]: loggingApprovalRequest(logger) },
  });
  try {
    await serve(server, port, { ...options, dynamodbEndpoint }, logger);
  } finally {
    logger.info('stopping');
    await server.close();
    await dynamoDb?.stop();
  }
}

/** Prepares tables and the catalogue, listens, and returns when asked to stop (Ctrl-C or SIGTERM). */
async function serve(server: StepFunctionsServer, port: number, options: EngineOptions & { dynamodbEndpoint: string }, logger: Logger): Promise<void> {
  const { dynamodbEndpoint } = options;
  await ensureTables(dynamodbEndpoint, tables);
  await listenOrExplain(() => server.listen(port, '127.0.0.1'), 'Step Functions', options.port, '--port or SFN_PORT');
  if (options.deploy) {
    const client = localSfnClient(server.endpoint);
    try {
      for (const result of await deployWorkflows(client, localDefinitions(ACCOUNT), ROLE_ARN)) logger.info(`${result.action} state machine`, { name: result.name });
    } finally {
      client.destroy();
    }
  }
  process.stdout.write(`Step Functions API on ${server.endpoint} (data in ${options.dataDir}, DynamoDB on ${dynamodbEndpoint}); Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Approvals wait for SendTaskSuccess/SendTaskFailure; the token is in the TaskScheduled event's parameters. */
function loggingApprovalRequest(logger: Logger): TaskHandler {
  return (_input, context) => {
    logger.info('approval requested; decide it with SendTaskSuccess/SendTaskFailure using the token in the TaskScheduled event', { execution: context.executionArn, state: context.stateName });
    return {};
  };
}
function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`${flag} must be a port number from 0 to 65535, got '${value}'`, 2);
  return port;
}

/** Runs `listen`, turning "address in use" into an error that says what to change. */
async function listenOrExplain<T>(listen: () => Promise<T>, what: string, port: string, change: string): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(`port ${port} for ${what} is already in use: stop what uses it, or set ${change}`, 1);
    throw error;
  }
}
