/**
 * Amazon Lex V2 runtime and code-hook shapes (messageVersion 1.0), as ../shared/bot/LEX.md records
 * them: https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html and
 * https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html. `@types/aws-lambda`
 * omits `proposedNextState` and types slots as non-null, so the shapes are ours.
 */

/** A slot's value: what the user said, what it means, and the candidates. */
export type LexSlotValue = { originalValue?: string; interpretedValue: string; resolvedValues?: string[] };

/** A slot; unfilled slots are `null` in intents. */
export type LexSlot = { shape?: 'Scalar' | 'List' | 'Composite'; value?: LexSlotValue };

export type LexIntentState = 'Failed' | 'Fulfilled' | 'InProgress' | 'ReadyForFulfillment' | 'Waiting' | 'FulfillmentInProgress';
export type LexConfirmationState = 'Confirmed' | 'Denied' | 'None';

export type LexIntent = {
  name: string;
  slots?: Record<string, LexSlot | null>;
  state?: LexIntentState;
  confirmationState?: LexConfirmationState;
};

export type LexDialogActionType = 'Close' | 'ConfirmIntent' | 'Delegate' | 'ElicitIntent' | 'ElicitSlot' | 'None';

export type LexDialogAction = { type: LexDialogActionType; slotToElicit?: string };

export type LexActiveContext = {
  name: string;
  timeToLive: { timeToLiveInSeconds: number; turnsToLive: number };
  contextAttributes: Record<string, string>;
};

export type LexSessionState = {
  dialogAction?: LexDialogAction;
  intent?: LexIntent;
  activeContexts?: LexActiveContext[];
  sessionAttributes?: Record<string, string>;
  originatingRequestId?: string;
};

export type LexButton = { text: string; value: string };

export type LexMessage =
  | { contentType: 'PlainText' | 'SSML' | 'CustomPayload'; content: string }
  | {
      contentType: 'ImageResponseCard';
      content?: string;
      imageResponseCard: { title: string; subtitle?: string; imageUrl?: string; buttons?: LexButton[] };
    };

/** An interpretation in RecognizeText (`nluConfidence` is `{ score }` here, a bare number in code-hook events). */
export type LexInterpretation = { intent: LexIntent; nluConfidence?: { score: number }; interpretationSource?: 'Lex' | 'Bedrock' };

/** The RecognizeText response body. */
export type RecognizeTextResponse = {
  messages?: LexMessage[];
  sessionState: LexSessionState;
  interpretations: LexInterpretation[];
  sessionId: string;
  requestAttributes?: Record<string, string>;
};

/** The event Lex sends the code hook. */
export type LexCodeHookEvent = {
  messageVersion: '1.0';
  invocationSource: 'DialogCodeHook' | 'FulfillmentCodeHook';
  inputMode: 'Text' | 'Speech' | 'DTMF';
  responseContentType: string;
  sessionId: string;
  inputTranscript: string;
  invocationLabel?: string;
  bot: { id: string; name: string; localeId: string; version: string; aliasId: string; aliasName: string };
  interpretations: { intent: LexIntent; nluConfidence?: number | { score: number }; interpretationSource?: 'Lex' | 'Bedrock' }[];
  proposedNextState?: { dialogAction: LexDialogAction; intent: LexIntent; prompt?: { attempt: string } };
  requestAttributes?: Record<string, string> | null;
  sessionState: LexSessionState & { intent: LexIntent };
  transcriptions?: unknown[];
};

/** What the code hook answers. */
export type LexCodeHookResponse = {
  sessionState: LexSessionState & { dialogAction: LexDialogAction };
  messages?: LexMessage[];
  requestAttributes?: Record<string, string>;
};

/** The code hook: the same handler Lambda runs on AWS and the local runtime calls in-process. */
export type LexCodeHook = (event: LexCodeHookEvent) => Promise<LexCodeHookResponse>;
