/**
 * The dialog and fulfilment code hook: the Lambda handler Lex calls on AWS, and the function the
 * local Lex runtime calls in-process. Each turn verifies the caller, loads the conversation's
 * context, runs the intent's handler and saves the context.
 */
import type { ApiLogger } from '../../api/logger';
import type { LexCodeHook, LexCodeHookEvent, LexCodeHookResponse } from '../definition/lex-types';
import { loadContext, saveContext, type ConversationContext } from './conversation-context';
import type { DialogDeps, DialogTurn, IntentHandler } from './dialog-turn';
import { decideRun } from './intents/decide-run';
import { fallback } from './intents/fallback';
import { getRunStatus } from './intents/get-run-status';
import { help } from './intents/help';
import { listPendingApprovals } from './intents/list-pending-approvals';
import { listWorkflows } from './intents/list-workflows';
import { startWorkflow } from './intents/start-workflow';
import { stopRun } from './intents/stop-run';
import { close } from './lex-replies';
import { UnverifiedCallerError, verifiedCaller } from './verified-caller';

/** The handler of each intent the bot definition declares with a code hook. */
const INTENT_HANDLERS: Readonly<Record<string, IntentHandler>> = {
  ListWorkflows: listWorkflows,
  Help: help,
  ListPendingApprovals: listPendingApprovals,
  StartWorkflow: startWorkflow,
  GetRunStatus: getRunStatus,
  StopRun: stopRun,
  ApproveRun: decideRun('approve'),
  RejectRun: decideRun('reject'),
  FallbackIntent: fallback,
};

/** Builds the code hook over `deps`. */
export function createDialogHandler(deps: DialogDeps, logger?: ApiLogger): LexCodeHook {
  return async function dialogHandler(event: LexCodeHookEvent): Promise<LexCodeHookResponse> {
    const intent = event.sessionState.intent.name;
    const handler = INTENT_HANDLERS[intent];
    if (!handler) return close(event, 'Failed', { text: `I can't handle ${intent} yet.` });
    let caller;
    try {
      caller = await verifiedCaller(event, deps.verifyToken);
    } catch (error) {
      if (!(error instanceof UnverifiedCallerError)) throw error;
      logger?.info('chat turn refused', { sessionId: event.sessionId, reason: error.message });
      return close(event, 'Failed', { text: "I can't tell who you are: sign in again." });
    }
    // The context costs a read only when a turn needs "the run we talked about".
    let stored: Promise<ConversationContext> | undefined;
    const context = () => (stored ??= loadContext(deps.sessions, event.sessionId));
    let focused: string | undefined;
    const turn: DialogTurn = {
      event,
      caller,
      deps,
      runInFocus: async () => focused ?? (await context()).runId,
      focus: (runId) => {
        focused = runId;
      },
      slot: (name) => event.sessionState.intent.slots?.[name]?.value?.interpretedValue || undefined,
      fulfilling: event.invocationSource === 'FulfillmentCodeHook',
    };
    let response: LexCodeHookResponse;
    try {
      response = await handler(turn);
    } catch (error) {
      // A failing dependency (DynamoDB, Step Functions) ends the intent with words, not a broken turn.
      logger?.error('chat turn failed', {
        sessionId: event.sessionId,
        intent,
        error: error instanceof Error ? error.message : String(error),
      });
      return close(event, 'Failed', {
        text: "Something went wrong on my side. Try again in a moment, or ask for the run's status to see where things stand.",
      });
    }
    if (focused !== undefined && (stored === undefined || (await stored).runId !== focused))
      await saveContext(deps.sessions, event.sessionId, { runId: focused });
    return response;
  };
}
