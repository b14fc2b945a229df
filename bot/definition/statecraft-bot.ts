/** `statecraftBot(workflows)`: the Statecraft chatbot, for CloudFormation and the local Lex runtime alike. */
import type { Workflow } from '../../workflows/dsl';
import type { BotDefinition } from './bot-definition';
import { approveRunIntent } from './intents/approve-run-intent';
import { cancelIntent } from './intents/cancel-intent';
import { fallbackIntent } from './intents/fallback-intent';
import { getRunStatusIntent } from './intents/get-run-status-intent';
import { helpIntent } from './intents/help-intent';
import { listPendingApprovalsIntent } from './intents/list-pending-approvals-intent';
import { listWorkflowsIntent } from './intents/list-workflows-intent';
import { rejectRunIntent } from './intents/reject-run-intent';
import { startWorkflowIntent } from './intents/start-workflow-intent';
import { stopRunIntent } from './intents/stop-run-intent';
import { runRefType } from './slot-types/run-ref-type';
import { workflowNameType } from './slot-types/workflow-name-type';

/** The bot's name on AWS. */
export const STATECRAFT_BOT_NAME = 'StatecraftBot';
/** Sessions idle this long are forgotten (15 minutes: long enough to look a run up in the console and come back). */
export const STATECRAFT_IDLE_SESSION_TTL_SECONDS = 900;
/** Below this top score FallbackIntent wins; tuned on the local NLU so out-of-domain requests score under it and terse commands over it. */
export const STATECRAFT_NLU_CONFIDENCE_THRESHOLD = 0.35;

/** The bot for a catalogue: its workflow names and aliases become the WorkflowName slot's values and synonyms. */
export function statecraftBot(workflows: readonly Workflow[]): BotDefinition {
  return {
    name: STATECRAFT_BOT_NAME,
    description: 'Lists, starts, watches, stops and approves Statecraft workflow runs.',
    idleSessionTtlSeconds: STATECRAFT_IDLE_SESSION_TTL_SECONDS,
    localeId: 'en_US',
    nluConfidenceThreshold: STATECRAFT_NLU_CONFIDENCE_THRESHOLD,
    slotTypes: [workflowNameType(workflows), runRefType],
    intents: [
      listWorkflowsIntent,
      helpIntent,
      listPendingApprovalsIntent,
      startWorkflowIntent(workflows),
      getRunStatusIntent,
      stopRunIntent,
      approveRunIntent,
      rejectRunIntent,
      fallbackIntent,
      cancelIntent,
    ],
  };
}
