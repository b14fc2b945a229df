/** The dev stack in-process on free ports (engine, dynalite, local Lex runtime, API), with a chat helper that goes through POST /api/chat. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { apiClient, type ApiClient } from '../../cli/local/api-client';
import { DEMO_RUNS } from '../../cli/local/demo-runs';
import { devToken } from '../../cli/local/dev-token';
import { seedDemoRun } from '../../cli/local/seed-demo-run';
import { startDevStack, type DevStack } from '../../cli/local/start-dev-stack';
import { DEMO_GROUPS, DEMO_USER } from '../../cli/local/demo-runs';
import type { Logger } from '../../workflows/engine';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Someone chatting. */
export type Person = { user: string; groups: string[] };

/** The RecognizeText-shaped answer of POST /api/chat. */
export type ChatReply = {
  status: number;
  conversationId: string;
  text: string;
  intent?: string;
  state?: string;
  dialogAction?: string;
  slotToElicit?: string;
  slots: Record<string, string>;
  body: Record<string, unknown>;
};

export type ChatStack = {
  stack: DevStack;
  /** The stack's data dir (its signing key signs tokens). */
  dataDir: string;
  api(person: Person): Promise<ApiClient>;
  chat(person: Person, text: string, conversationId?: string): Promise<ChatReply>;
  /** Stops the stack and starts it again on the same data dir (new ports), as a restarted `make dev` would. */
  restart(): Promise<void>;
  /** Starts the five demo runs (as `statecraft demo` does) and waits for their states. */
  seedDemo(): Promise<void>;
  stop(): Promise<void>;
};

/** Starts a fresh stack in a new temporary data dir. */
export async function startChatStack(): Promise<ChatStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-stack-'));
  const start = () => startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, lexPort: 0, logger: quiet });
  let stack = await start();
  const api = async (person: Person) => apiClient(stack.apiUrl, await devToken(dataDir, person));
  return {
    get stack() {
      return stack;
    },
    dataDir,
    api,
    async chat(person, text, conversationId) {
      const { status, body } = await (await api(person)).post('/api/chat', { text, ...(conversationId ? { conversationId } : {}) });
      const state = (body.sessionState ?? {}) as {
        intent?: { name?: string; state?: string; slots?: Record<string, { value?: { interpretedValue?: string } } | null> };
        dialogAction?: { type?: string; slotToElicit?: string };
      };
      const messages = (body.messages ?? []) as { contentType: string; content?: string }[];
      const slots: Record<string, string> = {};
      for (const [name, slot] of Object.entries(state.intent?.slots ?? {}))
        if (slot?.value?.interpretedValue) slots[name] = slot.value.interpretedValue;
      return {
        status,
        conversationId: String(body.conversationId ?? ''),
        text: messages
          .filter((message) => message.contentType === 'PlainText')
          .map((message) => message.content)
          .join('\n'),
        intent: state.intent?.name,
        state: state.intent?.state,
        dialogAction: state.dialogAction?.type,
        slotToElicit: state.dialogAction?.slotToElicit,
        slots,
        body,
      };
    },
    async restart() {
      await stack.stop();
      stack = await start();
    },
    async seedDemo() {
      const client = await api({ user: DEMO_USER, groups: [...DEMO_GROUPS] });
      for (const run of DEMO_RUNS) {
        const outcome = await seedDemoRun(client, run, 30_000);
        if (!outcome.ok) throw new Error(`demo run ${run.runId} ${outcome.problem}`);
      }
    },
    async stop() {
      await stack.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
