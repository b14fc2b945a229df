/**
 * The local Lex V2 runtime of `statecraft dev`: the bot definition built from the catalogue, NLU
 * trained from it, the same code-hook handler Lex calls on AWS (in-process), and sessions in the
 * `chat-sessions` table, served on one port for h2c and HTTP/1.1.
 */
import { systemApprovalClock } from '../../api/approvals/approval-clock';
import type { OnApprovalEvent } from '../../api/approvals/approval-event';
import type { VerifyToken } from '../../api/auth/create-token-verifier';
import type { RunLookup } from '../../api/runs/find-run';
import { ensureTable } from '../../api/storage/ensure-table';
import { statecraftBot } from '../../bot/definition/statecraft-bot';
import { ChatSessionStore, chatSessionsTableSpec } from '../../bot/dialog/chat-session-store';
import { createDialogHandler } from '../../bot/dialog/create-dialog-handler';
import { createLexRuntime, startLexServer } from '../../bot/emulator';
import { writeThroughSessions } from '../../bot/emulator/write-through-sessions';
import { trainUnderstanding } from '../../bot/emulator/nlu/train-understanding';
import type { Workflow } from '../../workflows/dsl';
import type { Logger } from '../../workflows/engine';
import type { EngineStack } from './start-engine-stack';

/** What the runtime needs from the stack. */
export type LocalLexOptions = {
  port: number;
  workflows: readonly Workflow[];
  engine: Pick<EngineStack, 'dynamodb' | 'approvals'>;
  lookup: RunLookup;
  verifyToken: VerifyToken;
  logger: Logger;
  onApprovalEvent?: OnApprovalEvent;
};

/** The listening runtime. */
export type LocalLex = { endpoint: string; stop(): Promise<void> };

/** Trains the bot and starts the runtime. */
export async function startLocalLex({
  port,
  workflows,
  engine,
  lookup,
  verifyToken,
  logger,
  onApprovalEvent,
}: LocalLexOptions): Promise<LocalLex> {
  await ensureTable(engine.dynamodb, chatSessionsTableSpec());
  const sessions = new ChatSessionStore(engine.dynamodb);
  const bot = statecraftBot(workflows);
  const understanding = await trainUnderstanding(bot);
  const codeHook = createDialogHandler(
    { lookup, approvals: engine.approvals, sessions, verifyToken, clock: systemApprovalClock, onApprovalEvent },
    logger,
  );
  const runtime = createLexRuntime({ bot, understanding, codeHook, sessions: writeThroughSessions(sessions), logger });
  const server = await startLexServer({ runtime, port, logger });
  return { endpoint: server.url, stop: () => server.close() };
}
