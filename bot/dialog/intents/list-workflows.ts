/** ListWorkflows: the workflows the caller may read, a line each, marked where they may not start them. */
import { checkAccess } from '../../../api/access/access-rule';
import { firstSentence } from '../chat-wording';
import { close } from '../lex-replies';
import type { IntentHandler } from '../dialog-turn';

/** Answers ListWorkflows. */
export const listWorkflows: IntentHandler = async ({ event, caller, deps }) => {
  const readable = deps.lookup.catalogue.entries.filter((entry) => checkAccess(caller, 'read', entry.access).allowed);
  if (readable.length === 0) {
    return close(event, 'Fulfilled', {
      text: "You can't see any workflow yet: ask an admin to add you to a group such as viewers or operators.",
    });
  }
  const startable = readable.filter((entry) => checkAccess(caller, 'start', entry.access).allowed);
  const lines = readable.map(
    (entry) =>
      `• ${entry.name}: ${firstSentence(entry.description)}${startable.includes(entry) ? '' : ' (you may watch it, not start it)'}`,
  );
  return close(event, 'Fulfilled', {
    text: [`You can see ${readable.length} workflow${readable.length === 1 ? '' : 's'}:`, ...lines].join('\n'),
    title: 'Start one',
    buttons: startable.map((entry) => ({ text: `Start ${entry.name}`, value: `start ${entry.name}` })),
  });
};
