/** `statecraft engine`: the embedded Step Functions API (durable, SQLite) with the catalogue deployed. */
import { Command, Option } from 'commander';
import { DEFAULT_SFN_PORT, localUrl } from '../../workflows/local-defaults';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { consoleLogger, LOG_LEVELS, type LogLevel } from '../console-logger';
import { startEngineStack } from '../local/start-engine-stack';
import { dataDirOption, dynamodbPortOption, sfnPortOption } from '../stack-options';

export type EngineOptions = {
  port: number;
  dataDir: string;
  dynamodbPort: number;
  dynamodbEndpoint?: string;
  deploy: boolean;
  logLevel: LogLevel;
  timeScale?: string;
};

export function engineCommand(io: CliIo): Command {
  return new Command('engine')
    .description('Run the embedded Step Functions API server (awsJson1_0) with the catalogue deployed; executions survive restarts.')
    .addOption(sfnPortOption())
    .addOption(dataDirOption('where executions and DynamoDB data are kept'))
    .addOption(dynamodbPortOption())
    .option('--dynamodb-endpoint <url>', 'use this DynamoDB endpoint instead of starting the embedded one')
    .option('--no-deploy', 'do not create or update the catalogue workflows')
    .option('--time-scale <factor>', 'run time this many times faster (waits, retries, timeouts), e.g. 1000')
    .addOption(new Option('--log-level <level>', 'log level (each request is logged at debug)').choices(LOG_LEVELS).default('info'))
    .addHelpText(
      'after',
      `\nPoint any AWS SDK or the AWS CLI at it:\n  aws stepfunctions list-state-machines --endpoint-url ${localUrl(DEFAULT_SFN_PORT)}`,
    )
    .action((options: EngineOptions) => runEngine(options, io));
}

/** Runs the embedded engine and DynamoDB (with the real approval-request handler) until `io` says stop (Ctrl-C or SIGTERM). */
export async function runEngine(options: EngineOptions, { stdout, stderr, untilStopped }: CliIo): Promise<void> {
  const logger = consoleLogger(options.logLevel, (line) => stderr.write(line));
  const timeScale = options.timeScale === undefined ? 1 : Number(options.timeScale);
  if (!(timeScale >= 1)) throw new CliError(`--time-scale must be a number of at least 1, got '${options.timeScale}'`, 2);
  const stack = await startEngineStack({
    dataDir: options.dataDir,
    sfnPort: options.port,
    dynamodbPort: options.dynamodbPort,
    dynamodbEndpoint: options.dynamodbEndpoint,
    deploy: options.deploy,
    timeScale,
    logger,
  });
  try {
    stdout.write(
      `Step Functions API on ${stack.sfnEndpoint} (data in ${options.dataDir}, DynamoDB on ${stack.dynamodbEndpoint}); Ctrl-C stops.\n`,
    );
    await untilStopped();
  } finally {
    logger.info('stopping');
    await stack.stop();
  }
}
