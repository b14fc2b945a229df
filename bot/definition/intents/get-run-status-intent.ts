/** `GetRunStatus`: how a run is doing. */
import type { IntentDefinition } from '../bot-definition';
import { getRunStatusUtterances } from './get-run-status-utterances';
import { runIdSlot } from './run-id-slot';

/** Reports a run's status, current step and what it waits for. */
export const getRunStatusIntent: IntentDefinition = {
  name: 'GetRunStatus',
  description: "Reports a run's status.",
  sampleUtterances: getRunStatusUtterances,
  slots: [runIdSlot('Which run? Give me its id, like r-7f3a9c, or say "the latest".')],
  dialogCodeHook: true,
  fulfillmentCodeHook: true,
};
