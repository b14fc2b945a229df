/**
 * A request's `sessionState` over the stored one (LEX.md §3.1): each field sent overrides the
 * stored one for this turn; `sessionAttributes` sent replace the stored map (keys left out are
 * deleted); `activeContexts: []` clears the contexts, leaving them out keeps them.
 * https://docs.aws.amazon.com/lexv2/latest/dg/context-mgmt-session-attribs.html
 */
import type { LexSessionState } from '../definition/lex-types';

/** The session state this turn starts from. */
export function mergeSessionState(stored: LexSessionState, sent: LexSessionState | undefined): LexSessionState {
  if (!sent) return stored;
  return {
    ...stored,
    ...(sent.dialogAction ? { dialogAction: sent.dialogAction } : {}),
    ...(sent.intent ? { intent: sent.intent } : {}),
    ...(sent.activeContexts ? { activeContexts: sent.activeContexts } : {}),
    ...(sent.sessionAttributes ? { sessionAttributes: sent.sessionAttributes } : {}),
  };
}
