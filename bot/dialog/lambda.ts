/** Lambda entry of the code hook: Lex V2 calls it for dialog and fulfilment (one function per alias and locale). */
import { systemApprovalClock } from '../../api/approvals/approval-clock';
import { ApprovalStore } from '../../api/approvals/approval-store';
import { createTokenVerifier } from '../../api/auth/create-token-verifier';
import { lambdaCatalogue } from '../../api/catalogue/lambda-catalogue';
import type { WorkflowCatalogue } from '../../api/catalogue/workflow-catalogue';
import { createDynamoDbClient } from '../../api/dynamodb-client';
import { RunLedger } from '../../api/ledger/run-ledger';
import { jsonLogger } from '../../api/logger';
import { loadConfig, type ApiConfig } from '../../api/config';
import { createSfnClient } from '../../api/sfn-client';
import type { LexCodeHook, LexCodeHookEvent, LexCodeHookResponse } from '../definition/lex-types';
import { ChatSessionStore } from './chat-session-store';
import { createDialogHandler } from './create-dialog-handler';

/** The code hook over the configured clients and tables, serving `catalogue` (default: the one bundled beside the function). */
export function createDialogLambda(config: ApiConfig, catalogue: WorkflowCatalogue = lambdaCatalogue(config)): LexCodeHook {
  const dynamodb = createDynamoDbClient(config);
  const sfn = createSfnClient(config);
  const lookup = { sfn, catalogue, ledger: new RunLedger(dynamodb, config.tables.runs) };
  const deps = {
    lookup,
    approvals: new ApprovalStore(dynamodb, config.tables.approvals),
    sessions: new ChatSessionStore(dynamodb, config.tables.chatSessions),
    verifyToken: createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }),
    clock: systemApprovalClock,
  };
  return createDialogHandler(deps, jsonLogger());
}

let cached: LexCodeHook | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler = (event: LexCodeHookEvent): Promise<LexCodeHookResponse> => {
  cached ??= createDialogLambda(loadConfig(process.env));
  return cached(event);
};
