/** `statecraft engine`: the embedded Step Functions API (durable, SQLite) with the catalogue deployed. */
import { Command, Option } from 'commander';
import { CliError } from '../cli-error';
import { consoleLogger, LOG_LEVELS, type LogLevel } from '../console-logger';
import { startEngineStack } from '../local/start-engine-stack';
import { untilStopped } from '../local/until-stopped';

export type EngineOptions = { port: string; dataDir: string; dynamodbPort: string; dynamodbEndpoint?: string; deploy: boolean; logLevel: LogLevel; timeScale?: string };

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
/** An environment variable's value, unless it is unset or blank (as api/config.ts reads them). */
const fromEnv = (name: string): string | undefined => process.env[name]?.trim() || undefined;

export const ENGINE_DEFAULTS = {
  port: fromEnv('SFN_PORT') ?? '8083',
  dataDir: fromEnv('STATECRAFT_DATA_DIR') ?? '.statecraft',
  dynamodbPort: fromEnv('DYNAMODB_PORT') ?? '8000',
  deploy: true,
  logLevel: 'info',
} as const satisfies Omit<EngineOptions, 'dynamodbEndpoint' | 'timeScale'>;

/** Runs the embedded engine and DynamoDB (with the real approval-request handler) until Ctrl-C or SIGTERM. */
export async function runEngine(options: EngineOptions): Promise<void> {
  const logger = consoleLogger(options.logLevel);
  const sfnPort = parsePort(options.port, '--port');
  const dynamodbPort = parsePort(options.dynamodbPort, '--dynamodb-port');
  const timeScale = options.timeScale === undefined ? 1 : Number(options.timeScale);
  if (!(timeScale >= 1)) throw new CliError(`--time-scale must be a number of at least 1, got '${options.timeScale}'`, 2);
  const stack = await startEngineStack({ dataDir: options.dataDir, sfnPort, dynamodbPort, dynamodbEndpoint: options.dynamodbEndpoint, deploy: options.deploy, timeScale, logger });
  try {
    process.stdout.write(`Step Functions API on ${stack.sfnEndpoint} (data in ${options.dataDir}, DynamoDB on ${stack.dynamodbEndpoint}); Ctrl-C stops.\n`);
    await untilStopped();
  } finally {
    logger.info('stopping');
    await stack.stop();
  }
}

/** A port option as a number, or a usage error. */
export function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`${flag} must be a port number from 0 to 65535, got '${value}'`, 2);
  return port;
}

