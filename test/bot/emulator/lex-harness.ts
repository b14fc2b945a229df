/**
 * The local Lex runtime for tests: dynalite with the chat-sessions table (through ensureTable), the
 * runtime over lexTestBot, the fake understanding and a scripted hook, the server on a free port,
 * and real SDK clients (the default h2c one and one over HTTP/1.1).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  type RecognizeTextCommandInput,
  type RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ensureTable } from '../../../api/storage/ensure-table';
import { ChatSessionStore, chatSessionsTableSpec } from '../../../bot/dialog/chat-session-store';
import { createLexRuntime, startLexServer, type LexRuntime, type LexRuntimeOptions, type LexServer } from '../../../bot/emulator';
import { startDynalite, type RunningDynalite } from '../../helpers/dynalite-server';
import { lexTestBot, lexTestUnderstanding } from './lex-test-bot';
import { scriptedCodeHook } from './scripted-code-hook';

/** The path labels of the test bot's sessions. */
export const BOT = { botId: 'STATECRAFT', botAliasId: 'TSTALIASID', localeId: 'en_US' } as const;

/** An SDK client for the server at `url`: the default (h2c) handler unless `http1`. */
export function lexClient(url: string, { http1 = false, maxAttempts = 3 } = {}): LexRuntimeV2Client {
  return new LexRuntimeV2Client({
    region: 'us-east-1',
    maxAttempts,
    endpoint: url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...(http1 ? { requestHandler: new NodeHttpHandler() } : {}),
  });
}

/** A running runtime and server on the harness's table. */
export type LexInstance = {
  runtime: LexRuntime;
  server: LexServer;
  hook: ReturnType<typeof scriptedCodeHook>;
  understanding: ReturnType<typeof lexTestUnderstanding>;
  close(): Promise<void>;
};

/** The harness. */
export type LexHarness = LexInstance & {
  dynamodb: DynamoDBClient;
  store: ChatSessionStore;
  client: LexRuntimeV2Client;
  http1Client: LexRuntimeV2Client;
  /** RecognizeText through the default (h2c) client. */
  say(sessionId: string, text: string, extra?: Partial<RecognizeTextCommandInput>): Promise<RecognizeTextCommandOutput>;
  /** Another runtime and server on the same table (a restart). */
  startInstance(options?: Partial<LexRuntimeOptions>): Promise<LexInstance>;
  close(): Promise<void>;
};

/** Starts dynalite, the table, one runtime and its server. */
export async function startLexHarness(options: Partial<LexRuntimeOptions> = {}): Promise<LexHarness> {
  const dynalite: RunningDynalite = await startDynalite();
  const dynamodb = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynalite.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await ensureTable(dynamodb, chatSessionsTableSpec());
  const store = new ChatSessionStore(dynamodb);
  const instances: LexInstance[] = [];
  const startInstance = async (overrides: Partial<LexRuntimeOptions> = {}): Promise<LexInstance> => {
    const hook = scriptedCodeHook();
    const understanding = lexTestUnderstanding();
    const runtime = createLexRuntime({
      bot: lexTestBot,
      understanding,
      codeHook: hook.codeHook,
      sessions: store,
      ...options,
      ...overrides,
    });
    const server = await startLexServer({ runtime, port: 0 });
    const instance = { runtime, server, hook, understanding, close: () => server.close() };
    instances.push(instance);
    return instance;
  };
  const first = await startInstance();
  const client = lexClient(first.server.url);
  const http1Client = lexClient(first.server.url, { http1: true });
  return {
    ...first,
    dynamodb,
    store,
    client,
    http1Client,
    say: (sessionId, text, extra = {}) => client.send(new RecognizeTextCommand({ ...BOT, sessionId, text, ...extra })),
    startInstance,
    close: async () => {
      client.destroy();
      http1Client.destroy();
      await Promise.all(instances.map((instance) => instance.close()));
      dynamodb.destroy();
      await dynalite.stop();
    },
  };
}

/** The text of each message. */
export function texts(output: { messages?: { content?: string }[] }): (string | undefined)[] {
  return (output.messages ?? []).map((message) => message.content);
}

/** One harness for the describe block around the call, its scripted hook's record cleared before each test; call the result for the harness. */
export function useLexHarness(): () => LexHarness {
  let lex: LexHarness | undefined;
  beforeAll(async () => {
    lex = await startLexHarness();
  });
  afterAll(async () => {
    await lex?.close();
  });
  beforeEach(() => {
    lex?.hook.events.splice(0);
    lex?.hook.answers.splice(0);
  });
  return () => {
    if (!lex) throw new Error('the Lex harness is not started yet');
    return lex;
  };
}
