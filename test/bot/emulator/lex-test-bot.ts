/** A small bot for the local Lex runtime's tests: a required slot with a prompt, a confirmation, a FreeFormInput slot, Fallback and Cancel. */
import type { BotDefinition } from '../../../bot/definition/bot-definition';
import { createFakeUnderstanding } from '../../helpers/fake-understanding';

/** The test bot. */
export const lexTestBot: BotDefinition = {
  name: 'TestBot',
  description: 'Runtime test bot',
  idleSessionTtlSeconds: 300,
  localeId: 'en_US',
  nluConfidenceThreshold: 0.5,
  slotTypes: [
    {
      name: 'WorkflowNameType',
      description: 'workflows',
      resolution: 'TOP_RESOLUTION',
      values: [{ value: 'nightly-report', synonyms: ['nightly report'] }],
    },
  ],
  intents: [
    {
      name: 'StartWorkflow',
      description: 'Starts a workflow',
      sampleUtterances: ['start {WorkflowName}'],
      slots: [
        {
          name: 'WorkflowName',
          description: 'which',
          slotType: 'WorkflowNameType',
          required: true,
          prompt: 'Which workflow, [user]? I know nightly-report and deploy-service.',
          maxRetries: 2,
          recognizer: { kind: 'values' },
        },
        {
          name: 'RunInput',
          description: 'input',
          slotType: 'AMAZON.FreeFormInput',
          required: false,
          prompt: 'What input?',
          maxRetries: 1,
          recognizer: { kind: 'run-input' },
        },
      ],
      confirmation: { prompt: 'Start {WorkflowName} now?', declinationResponse: "OK, I won't start {WorkflowName}.", maxRetries: 1 },
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
    {
      name: 'ListPendingApprovals',
      description: 'Lists approvals',
      sampleUtterances: ['show pending approvals'],
      slots: [],
      dialogCodeHook: false,
      fulfillmentCodeHook: true,
    },
    {
      name: 'RejectRun',
      description: 'Rejects a run',
      sampleUtterances: ['reject {RunId}'],
      slots: [
        {
          name: 'RunId',
          description: 'run',
          slotType: 'RunRefType',
          required: true,
          prompt: 'Which run?',
          maxRetries: 1,
          recognizer: { kind: 'run-reference' },
        },
        {
          name: 'Reason',
          description: 'why',
          slotType: 'AMAZON.FreeFormInput',
          required: true,
          prompt: 'Why reject {RunId}?',
          maxRetries: 1,
          recognizer: { kind: 'after-marker' },
        },
      ],
      closingResponse: 'Rejected {RunId}: {Reason}',
      dialogCodeHook: false,
      fulfillmentCodeHook: false,
    },
    {
      name: 'Help',
      description: 'Help',
      sampleUtterances: ['help'],
      slots: [],
      closingResponse: 'I can start workflows and list approvals.',
      dialogCodeHook: false,
      fulfillmentCodeHook: false,
    },
    {
      name: 'FallbackIntent',
      description: 'Fallback',
      parentIntentSignature: 'AMAZON.FallbackIntent',
      sampleUtterances: [],
      slots: [],
      closingResponse: "Sorry, I can't help with that.",
      dialogCodeHook: false,
      fulfillmentCodeHook: false,
    },
    {
      name: 'CancelIntent',
      description: 'Cancel',
      parentIntentSignature: 'AMAZON.CancelIntent',
      sampleUtterances: [],
      slots: [],
      closingResponse: 'OK, cancelled.',
      dialogCodeHook: false,
      fulfillmentCodeHook: false,
    },
  ],
};

/** The fake understanding for lexTestBot. */
export function lexTestUnderstanding() {
  return createFakeUnderstanding({
    keywords: { StartWorkflow: ['start', 'kick off'], ListPendingApprovals: ['pending approvals'], RejectRun: ['reject'], Help: ['help'] },
    slotValues: {
      WorkflowName: { 'nightly report': 'nightly-report', 'nightly-report': 'nightly-report', 'deploy service': 'deploy-service' },
      RunId: { 'r-7f3a9c': 'r-7f3a9c', 'r-12ab': 'r-12ab' },
    },
    scripted: {
      'something vague': [
        { name: 'StartWorkflow', score: 0.45 },
        { name: 'Help', score: 0.3 },
        { name: 'RejectRun', score: 0.2 },
      ],
    },
  });
}
