/** A code hook for runtime tests: records every event and answers from a queue, Delegating (dialog) or closing Fulfilled (fulfilment) when the queue is empty. */
import type { LexCodeHook, LexCodeHookEvent, LexCodeHookResponse } from '../../../bot/definition/lex-types';

/** One scripted answer. */
export type HookAnswer = (event: LexCodeHookEvent) => unknown; // a LexCodeHookResponse (or a promise of one), or anything a broken hook returns

/** Lex's default next step: echo the session and Delegate. */
export function delegate(event: LexCodeHookEvent): LexCodeHookResponse {
  return { sessionState: { ...event.sessionState, dialogAction: { type: 'Delegate' } } };
}

/** Closes the event's intent with `state`, saying `message` when given. */
export function closeIntent(event: LexCodeHookEvent, state: 'Fulfilled' | 'Failed', message?: string): LexCodeHookResponse {
  return {
    sessionState: { ...event.sessionState, dialogAction: { type: 'Close' }, intent: { ...event.sessionState.intent, state } },
    ...(message ? { messages: [{ contentType: 'PlainText' as const, content: message }] } : {}),
  };
}

/** The hook, its recorded events and its answer queue. */
export function scriptedCodeHook(): { codeHook: LexCodeHook; events: LexCodeHookEvent[]; answers: HookAnswer[] } {
  const events: LexCodeHookEvent[] = [];
  const answers: HookAnswer[] = [];
  const codeHook = async (event: LexCodeHookEvent): Promise<LexCodeHookResponse> => {
    events.push(structuredClone(event));
    const answer = answers.shift();
    if (answer) return (await answer(event)) as LexCodeHookResponse;
    if (event.invocationSource === 'DialogCodeHook') return delegate(event);
    const workflow = event.sessionState.intent.slots?.WorkflowName?.value?.interpretedValue;
    return closeIntent(event, 'Fulfilled', workflow ? `Started ${workflow}.` : `Fulfilled ${event.sessionState.intent.name}.`);
  };
  return { codeHook, events, answers };
}
