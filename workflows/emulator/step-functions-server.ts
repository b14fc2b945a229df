/**
 * The Step Functions API server over the engine (awsJson1_0 on node:http), with the SQLite
 * store when given a data dir. Executions left running by a previous process are resumed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Engine,
  MemoryExecutionStore,
  silentLogger,
  type Clock,
  type DynamoDbItems,
  type EngineOptions,
  type ExecutionStore,
  type Logger,
  type TaskHandler,
  type TaskHandlerRegistry,
} from '../engine';
import { createDynamoDbItems, type DynamoDbItemsOptions } from './dynamodb-items';
import { handleRequest } from './handle-request';
import { SqliteExecutionStore } from './sqlite-execution-store';

/** What the server is built from. */
export type StepFunctionsServerOptions = {
  /** Directory of the SQLite database; in-memory when omitted. */
  dataDir?: string;
  /** A store to use instead (overrides dataDir). */
  store?: ExecutionStore;
  clock?: Clock;
  taskHandlers?: TaskHandlerRegistry | Readonly<Record<string, TaskHandler>>;
  logger?: Logger;
  region?: string;
  accountId?: string;
  /** The DynamoDB behind `arn:aws:states:::dynamodb:*` tasks: an endpoint (locally dynalite) or ready-made DynamoDbItems. */
  dynamodb?: DynamoDbItemsOptions | DynamoDbItems;
  /** Called after an execution's status is stored (started, redriven, closed); see EngineOptions. */
  onStatusChange?: EngineOptions['onStatusChange'];
  /** Called after events are appended to an execution's history; see EngineOptions. */
  onHistoryChange?: EngineOptions['onHistoryChange'];
  /** Draws in [0, 1) that route executions started on an alias; see EngineOptions. */
  random?: EngineOptions['random'];
  /** How long a GetActivityTask long poll waits for a task before answering with none (AWS: 60 s). */
  activityPollTimeoutMs?: number;
};

/** A started (or startable) server. */
export type StepFunctionsServer = {
  engine: Engine;
  server: Server;
  /** Starts listening; resolves to the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  /** The endpoint URL once listening (`http://127.0.0.1:PORT`). */
  readonly endpoint: string;
  /** Stops listening, stops interpreting (executions stay resumable) and closes the store. */
  close(): Promise<void>;
};

/** DynamoDbItems for the option, and how to release what the server built itself. */
function dynamoDbOf(option: StepFunctionsServerOptions['dynamodb'], region: string | undefined): { items?: DynamoDbItems; close(): void } {
  if (!option) return { close() {} };
  if ('call' in option) return { items: option, close() {} };
  const items = createDynamoDbItems({ ...option, region: option.region ?? region });
  return { items, close: () => items.close() };
}

/** Builds the server and resumes running executions. */
export function createStepFunctionsServer(options: StepFunctionsServerOptions = {}): StepFunctionsServer {
  const logger = options.logger ?? silentLogger;
  const store = options.store ?? (options.dataDir ? new SqliteExecutionStore(options.dataDir) : new MemoryExecutionStore());
  const dynamodb = dynamoDbOf(options.dynamodb, options.region);
  const engine = new Engine({
    store,
    clock: options.clock,
    taskHandlers: options.taskHandlers,
    logger,
    region: options.region,
    accountId: options.accountId,
    dynamodb: dynamodb.items,
    onStatusChange: options.onStatusChange,
    onHistoryChange: options.onHistoryChange,
    random: options.random,
  });
  const resumed = engine.recover();
  if (resumed) logger.info('resumed executions', { count: resumed });
  const ctx = { engine, logger, taskHandlers: options.taskHandlers, activityPollTimeoutMs: options.activityPollTimeoutMs };
  const server = createServer((request, response) => {
    handleRequest(ctx, request, response).catch((error: unknown) => logger.error('unhandled request failure', { error: String(error) }));
  });
  server.keepAliveTimeout = 65_000;
  let endpoint = '';
  return {
    engine,
    server,
    get endpoint() {
      return endpoint;
    },
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const bound = (server.address() as AddressInfo).port;
          endpoint = `http://${host}:${bound}`;
          resolve(bound);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
      store.close();
      dynamodb.close();
    },
  };
}
