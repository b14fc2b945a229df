/** `CancelIntent`: drop the dialog in progress. */
import type { IntentDefinition } from '../bot-definition';

/** Lex's cancel grammar plus our phrasings (https://docs.aws.amazon.com/lexv2/latest/dg/built-in-intent-cancel.html); it closes without calling the code hook. */
export const cancelIntent: IntentDefinition = {
  name: 'CancelIntent',
  description: 'Cancels the conversation in progress.',
  parentIntentSignature: 'AMAZON.CancelIntent',
  sampleUtterances: ['cancel', 'cancel that', 'never mind', 'nevermind', 'forget it', 'forget about it', 'quit', 'exit', 'scratch that'],
  slots: [],
  closingResponse: 'OK, cancelled. Nothing was changed.',
  dialogCodeHook: false,
  fulfillmentCodeHook: false,
};
