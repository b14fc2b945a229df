/** Help: what the bot does, with a few things to try. */
import { close } from '../lex-replies';
import type { IntentHandler } from '../dialog-turn';

const HELP_TEXT = [
  'I start, check, stop and approve workflow runs. Try:',
  '• "list workflows": what you can see and start',
  '• "start deploy-service" (add JSON or key=value pairs for the input); I confirm before starting',
  '• "status of r-7f3a9c" or "status of my latest run"',
  '• "stop r-93e7aa"',
  '• "what needs my approval?", then "approve it" or "reject r-51be02 because the amount is wrong"',
  'Say "cancel" at any time to drop what we are doing.',
].join('\n');

/** Answers Help. */
export const help: IntentHandler = async ({ event }) =>
  close(event, 'Fulfilled', {
    text: HELP_TEXT,
    title: 'Try',
    buttons: [
      { text: 'List workflows', value: 'list workflows' },
      { text: 'Pending approvals', value: 'what needs my approval?' },
      { text: 'My latest run', value: 'status of my latest run' },
    ],
  });
