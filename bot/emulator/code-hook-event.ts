/**
 * The code hook's input event (messageVersion 1.0) as Lex V2 builds it, LEX.md §6:
 * https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html
 * `nluConfidence` is a bare number here and `{score}` in RecognizeText.
 */
import type { BotDefinition } from '../definition/bot-definition';
import type { LexCodeHookEvent, LexDialogAction, LexIntent, LexInterpretation, LexSessionState } from '../definition/lex-types';
import type { LexSessionAddress } from './stored-session';

/** The step Lex proposes when the hook answers Delegate, when that step is a prompt. */
export type ProposedNextState = NonNullable<LexCodeHookEvent['proposedNextState']>;

/** Inputs of codeHookEvent. */
export type CodeHookEventInput = {
  invocationSource: LexCodeHookEvent['invocationSource'];
  bot: BotDefinition;
  address: LexSessionAddress;
  aliasName: string;
  text: string;
  interpretations: readonly LexInterpretation[];
  proposedNextState?: ProposedNextState;
  requestAttributes?: Record<string, string>;
  /** The session as the hook should see it: this turn's intent and the previous turn's dialog action, if any. */
  sessionState: LexSessionState & { intent: LexIntent };
};

/** The attempt name of a prompt asked for the nth time (0 = Initial). */
export function promptAttempt(retries: number): string {
  return retries === 0 ? 'Initial' : `Retry${retries}`;
}

/** A proposedNextState for a prompt. */
export function proposedPrompt(dialogAction: LexDialogAction, intent: LexIntent, retries: number): ProposedNextState {
  return { dialogAction, intent, prompt: { attempt: promptAttempt(retries) } };
}

/** The event; a deep copy, so a hook that mutates it changes nothing of the session. */
export function codeHookEvent(input: CodeHookEventInput): LexCodeHookEvent {
  const event: LexCodeHookEvent = {
    messageVersion: '1.0',
    invocationSource: input.invocationSource,
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: input.address.sessionId,
    inputTranscript: input.text,
    bot: {
      id: input.address.botId,
      name: input.bot.name,
      localeId: input.address.localeId,
      version: 'DRAFT',
      aliasId: input.address.botAliasId,
      aliasName: input.aliasName,
    },
    interpretations: input.interpretations.map(({ intent, nluConfidence, interpretationSource }) => ({
      intent,
      ...(nluConfidence ? { nluConfidence: nluConfidence.score } : {}),
      interpretationSource: interpretationSource ?? 'Lex',
    })),
    sessionState: input.sessionState,
  };
  if (input.proposedNextState) event.proposedNextState = input.proposedNextState;
  if (input.requestAttributes) event.requestAttributes = input.requestAttributes;
  return structuredClone(event);
}
