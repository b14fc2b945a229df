/**
 * LEX.md §10 steps 3–5: the dialog code hook and what its answer means (§7), Lex's own next step
 * on Delegate or without a hook (§10.4), and fulfilment (§10.5).
 */
import { intentNamed, type BotDefinition, type IntentDefinition } from '../definition/bot-definition';
import type { LexCodeHook, LexCodeHookEvent, LexCodeHookResponse, LexIntent, LexMessage, LexSessionState } from '../definition/lex-types';
import { buildInterpretations } from './build-interpretations';
import { callCodeHook } from './call-code-hook';
import { codeHookEvent, proposedPrompt, type ProposedNextState } from './code-hook-event';
import { LexRuntimeError } from './errors';
import { intentWithAllSlots } from './intent-with-all-slots';
import { nextStep, type NextStep } from './next-step';
import { promptMessage } from './render-prompt';
import { DEFAULT_CLOSING_MESSAGE, DEFAULT_FAILURE_MESSAGE, DEFAULT_FALLBACK_MESSAGE, MAX_MESSAGES } from './runtime-defaults';
import { promptKey, type LexSessionAddress, type PendingPrompt } from './stored-session';
import type { UnderstoodTurn } from './understand-turn';
import type { Understanding } from './understanding';

/** Inputs of advanceTurn. */
export type AdvanceTurnInput = {
  bot: BotDefinition;
  understanding: Understanding;
  codeHook: LexCodeHook;
  codeHookTimeoutMs: number;
  address: LexSessionAddress;
  aliasName: string;
  text: string;
  requestAttributes?: Record<string, string>;
  /** The session at the start of the turn (after the request's sessionState was merged). */
  state: LexSessionState;
  /** The previous turn's messages (re-said when a confirmation the hook asked for is re-asked). */
  previousMessages: readonly LexMessage[];
  understood: UnderstoodTurn;
};

/** Where the turn ends: the new session state, what to say, and the prompt now pending. */
export type TurnOutcome = { sessionState: LexSessionState; messages: LexMessage[]; prompt?: PendingPrompt };

type Step = NextStep & { retries: number };

/** Runs the hooks and Lex's decisions for the understood turn. */
export async function advanceTurn(input: AdvanceTurnInput): Promise<TurnOutcome> {
  const { bot, understood, state } = input;
  let attributes = state.sessionAttributes ?? {};
  let contexts = state.activeContexts ?? [];
  const definitionOf = (intent: LexIntent): IntentDefinition => {
    const definition = intentNamed(bot, intent.name);
    if (!definition) throw new LexRuntimeError('InternalServerException', `No intent ${intent.name} in bot ${bot.name}`);
    return definition;
  };
  const normalize = (intent: LexIntent): LexIntent => intentWithAllSlots(definitionOf(intent), intent);
  const render = (template: string, intent: LexIntent): LexMessage => promptMessage(template, intent, attributes);
  const retriesFor = (key: string): number => {
    const { retry } = understood;
    if (!retry) return 0;
    const retryKey =
      retry.type === 'ElicitSlot'
        ? promptKey('ElicitSlot', understood.definition.name, retry.slotName)
        : promptKey('ConfirmIntent', understood.definition.name);
    return retryKey === key ? retry.retries : 0;
  };

  /** Lex's next step: the pending retry while it still applies, else §10.4's order. */
  const lexStep = (definition: IntentDefinition, intent: LexIntent): Step => {
    const { retry } = understood;
    if (retry && intent.name === understood.definition.name) {
      const slot = retry.type === 'ElicitSlot' ? definition.slots.find((candidate) => candidate.name === retry.slotName) : undefined;
      if (slot && !intent.slots?.[slot.name]?.value) return { kind: 'ElicitSlot', slot, retries: retry.retries };
      if (retry.type === 'ConfirmIntent' && (intent.confirmationState ?? 'None') === 'None')
        return { kind: 'ConfirmIntent', retries: retry.retries };
    }
    const step = nextStep(definition, intent);
    if (step.kind === 'ElicitSlot') return { ...step, retries: retriesFor(promptKey('ElicitSlot', intent.name, step.slot.name)) };
    if (step.kind === 'ConfirmIntent') return { ...step, retries: retriesFor(promptKey('ConfirmIntent', intent.name)) };
    return { ...step, retries: 0 };
  };
  const proposal = (step: Step, intent: LexIntent): ProposedNextState | undefined => {
    if (step.kind === 'ElicitSlot') return proposedPrompt({ type: 'ElicitSlot', slotToElicit: step.slot.name }, intent, step.retries);
    if (step.kind === 'ConfirmIntent') return proposedPrompt({ type: 'ConfirmIntent' }, intent, step.retries);
    return undefined;
  };

  const hook = async (
    invocationSource: LexCodeHookEvent['invocationSource'],
    intent: LexIntent,
    proposedNextState?: ProposedNextState,
  ): Promise<LexCodeHookResponse> => {
    const score =
      intent.name === understood.definition.name ? understood.score : understood.ranked.find((entry) => entry.name === intent.name)?.score;
    const interpretations = buildInterpretations({
      bot,
      understanding: input.understanding,
      text: input.text,
      active: intent,
      activeScore: score,
      ranked: understood.ranked,
    });
    const previousAction = understood.continued && state.dialogAction ? { dialogAction: state.dialogAction } : {};
    const event = codeHookEvent({
      invocationSource,
      bot,
      address: input.address,
      aliasName: input.aliasName,
      text: input.text,
      interpretations,
      proposedNextState,
      requestAttributes: input.requestAttributes,
      sessionState: {
        ...previousAction,
        intent,
        sessionAttributes: attributes,
        activeContexts: contexts,
        ...(state.originatingRequestId ? { originatingRequestId: state.originatingRequestId } : {}),
      },
    });
    const response = await callCodeHook(input.codeHook, event, bot, input.codeHookTimeoutMs);
    if (response.sessionState.sessionAttributes) attributes = response.sessionState.sessionAttributes;
    if (response.sessionState.activeContexts) contexts = response.sessionState.activeContexts;
    return response;
  };

  const outcome = (
    dialogAction: LexSessionState['dialogAction'],
    intent: LexIntent | undefined,
    messages: LexMessage[],
    prompt?: PendingPrompt,
  ): TurnOutcome => ({
    sessionState: { dialogAction, ...(intent ? { intent } : {}), sessionAttributes: attributes, activeContexts: contexts },
    messages: messages.slice(0, MAX_MESSAGES),
    ...(prompt ? { prompt } : {}),
  });
  const elicitSlot = (intent: LexIntent, slotName: string, messages: LexMessage[]): TurnOutcome => {
    const key = promptKey('ElicitSlot', intent.name, slotName);
    return outcome({ type: 'ElicitSlot', slotToElicit: slotName }, { ...intent, state: 'InProgress' }, messages, {
      key,
      retries: retriesFor(key),
    });
  };
  const confirmIntent = (intent: LexIntent, messages: LexMessage[]): TurnOutcome => {
    const key = promptKey('ConfirmIntent', intent.name);
    return outcome({ type: 'ConfirmIntent' }, { ...intent, state: 'InProgress' }, messages, { key, retries: retriesFor(key) });
  };
  /** What Lex says when an intent closes and the hook said nothing: closing, declination, or a default. */
  const closingMessage = (intent: LexIntent): LexMessage => {
    const definition = definitionOf(intent);
    const fallback = definition.parentIntentSignature === 'AMAZON.FallbackIntent' ? DEFAULT_FALLBACK_MESSAGE : DEFAULT_CLOSING_MESSAGE;
    const declined = intent.confirmationState === 'Denied' ? definition.confirmation?.declinationResponse : undefined;
    return render(intent.state === 'Fulfilled' ? (definition.closingResponse ?? fallback) : (declined ?? DEFAULT_FAILURE_MESSAGE), intent);
  };
  const close = (intent: LexIntent, messages: LexMessage[]): TurnOutcome => outcome({ type: 'Close' }, intent, messages);

  /** Applies a hook answer other than Delegate (LEX.md §7); undefined for Delegate. */
  const applyAnswer = (response: LexCodeHookResponse, leading: LexMessage[]): TurnOutcome | undefined => {
    const { dialogAction } = response.sessionState;
    const messages = [...leading, ...(response.messages ?? [])];
    const intent = response.sessionState.intent ? normalize(response.sessionState.intent) : undefined;
    if (dialogAction.type === 'ElicitIntent') return outcome({ type: 'ElicitIntent' }, intent, messages);
    if (!intent || dialogAction.type === 'Delegate' || dialogAction.type === 'None') return undefined;
    if (dialogAction.type === 'Close') return close(intent, response.messages?.length ? messages : [...leading, closingMessage(intent)]);
    if (dialogAction.type === 'ConfirmIntent') return confirmIntent(intent, messages);
    const slotName = dialogAction.slotToElicit ?? '';
    const slot = definitionOf(intent).slots.find((candidate) => candidate.name === slotName);
    return elicitSlot(intent, slotName, response.messages?.length ? messages : [...leading, render(slot?.prompt ?? '', intent)]);
  };

  const fulfil = async (definition: IntentDefinition, intent: LexIntent, leading: LexMessage[]): Promise<TurnOutcome> => {
    if (!definition.fulfillmentCodeHook) {
      const fulfilled: LexIntent = { ...intent, state: 'Fulfilled' };
      return close(fulfilled, [...leading, closingMessage(fulfilled)]);
    }
    const response = await hook('FulfillmentCodeHook', { ...intent, state: 'ReadyForFulfillment' });
    const answered = applyAnswer(response, leading);
    if (!answered)
      throw new LexRuntimeError(
        'DependencyFailedException',
        'Invalid Lambda Response (FulfillmentCodeHook): a fulfilment hook must answer Close (Fulfilled or Failed), ElicitIntent, ElicitSlot or ConfirmIntent, not Delegate',
      );
    return answered;
  };

  /** Lex decides (Delegate, or no dialog hook): LEX.md §10.4. */
  const decide = async (definition: IntentDefinition, intent: LexIntent, leading: LexMessage[]): Promise<TurnOutcome> => {
    const step = lexStep(definition, intent);
    if (step.kind === 'ElicitSlot') return elicitSlot(intent, step.slot.name, [...leading, render(step.slot.prompt, intent)]);
    if (step.kind === 'ConfirmIntent') {
      const question = definition.confirmation ? [render(definition.confirmation.prompt, intent)] : [...input.previousMessages];
      return confirmIntent(intent, [...leading, ...question]);
    }
    if (step.kind === 'Decline') {
      const failed: LexIntent = { ...intent, state: 'Failed' };
      return close(failed, [...leading, closingMessage(failed)]);
    }
    return fulfil(definition, intent, leading);
  };

  const { definition, intent } = understood;
  if (!definition.dialogCodeHook || intent.state === 'ReadyForFulfillment') return decide(definition, intent, []);
  const response = await hook('DialogCodeHook', intent, proposal(lexStep(definition, intent), intent));
  const answered = applyAnswer(response, []);
  if (answered) return answered;
  const delegated = normalize(response.sessionState.intent ?? intent);
  return decide(definitionOf(delegated), delegated, response.messages ?? []);
}
