/** `StartWorkflow`: start a catalogue workflow, optionally with an input payload. */
import type { Workflow } from '../../../workflows/dsl';
import type { IntentDefinition } from '../bot-definition';
import { WORKFLOW_NAME_TYPE } from '../slot-types/workflow-name-type';
import { startWorkflowUtterances } from './start-workflow-utterances';

/** Starts a workflow once the user confirms; the code hook writes the real confirmation message (with the input it will use). */
export function startWorkflowIntent(workflows: readonly Workflow[]): IntentDefinition {
  const names = workflows.map((workflow) => workflow.name).join(', ');
  return {
    name: 'StartWorkflow',
    description: 'Starts a workflow of the catalogue.',
    sampleUtterances: startWorkflowUtterances,
    slots: [
      {
        name: 'WorkflowName',
        description: 'The workflow to start.',
        slotType: WORKFLOW_NAME_TYPE,
        required: true,
        prompt: `Which workflow should I start? I know ${names}.`,
        maxRetries: 2,
        recognizer: { kind: 'values' },
      },
      {
        name: 'RunInput',
        description: 'The input, as a JSON object or key=value pairs; the workflow example when absent.',
        slotType: 'AMAZON.FreeFormInput',
        required: false,
        prompt: 'What input should the run get? Type a JSON object or key=value pairs.',
        maxRetries: 1,
        recognizer: { kind: 'run-input' },
      },
    ],
    confirmation: { prompt: 'Start {WorkflowName} now?', declinationResponse: "OK, I won't start it.", maxRetries: 2 },
    dialogCodeHook: true,
    fulfillmentCodeHook: true,
  };
}
