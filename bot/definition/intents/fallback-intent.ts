/** `FallbackIntent`: what Lex acts on when nothing scores above the confidence threshold. */
import type { IntentDefinition } from '../bot-definition';

/** Lex requires it in every locale (https://docs.aws.amazon.com/lexv2/latest/dg/built-in-intent-fallback.html); the code hook answers with help. */
export const fallbackIntent: IntentDefinition = {
  name: 'FallbackIntent',
  description: 'The input matched no intent.',
  parentIntentSignature: 'AMAZON.FallbackIntent',
  sampleUtterances: [],
  slots: [],
  dialogCodeHook: false,
  fulfillmentCodeHook: true,
};
