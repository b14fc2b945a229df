/** One turn of the code hook: the event, the verified caller, the conversation's context and what the intents reach. */
import type { ApprovalClock } from '../../api/approvals/approval-clock';
import type { OnApprovalEvent } from '../../api/approvals/approval-event';
import type { ApprovalStore } from '../../api/approvals/approval-store';
import type { VerifyToken } from '../../api/auth/create-token-verifier';
import type { Caller } from '../../api/errors';
import type { RunLookup } from '../../api/runs/find-run';
import type { LexCodeHookEvent, LexCodeHookResponse } from '../definition/lex-types';
import type { ChatSessionStore } from './chat-session-store';

/** What the code hook reaches: Step Functions, the catalogue and ledger, approvals, its session table, the token verifier. */
export type DialogDeps = {
  lookup: RunLookup;
  approvals: ApprovalStore;
  sessions: ChatSessionStore;
  verifyToken: VerifyToken;
  clock: ApprovalClock;
  onApprovalEvent?: OnApprovalEvent;
};

/** The turn an intent handler answers. */
export type DialogTurn = {
  event: LexCodeHookEvent;
  caller: Caller;
  deps: DialogDeps;
  /** The run the conversation last talked about (read from the session table only when asked). */
  runInFocus(): Promise<string | undefined>;
  /** Makes `runId` the conversation's run ("approve it" next means this one); saved after the turn. */
  focus(runId: string): void;
  /** The interpreted value of a slot of the current intent, if filled. */
  slot(name: string): string | undefined;
  /** Whether Lex calls for fulfilment (all slots filled and, where asked, confirmed). */
  fulfilling: boolean;
};

/** An intent's handler. */
export type IntentHandler = (turn: DialogTurn) => Promise<LexCodeHookResponse>;
