/** FallbackIntent: what Lex did not understand, answered with what the bot can do. */
import { close } from '../lex-replies';
import type { IntentHandler } from '../dialog-turn';

/** Answers FallbackIntent. */
export const fallback: IntentHandler = async ({ event }) =>
  close(event, 'Fulfilled', {
    text: `Sorry, I didn't understand "${event.inputTranscript.slice(0, 80)}". I can list workflows, start one, check or stop a run, and approve or reject runs. Say "help" for examples.`,
    title: 'Try',
    buttons: [
      { text: 'Help', value: 'help' },
      { text: 'List workflows', value: 'list workflows' },
      { text: 'Pending approvals', value: 'what needs my approval?' },
    ],
  });
