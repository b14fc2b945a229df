/** The `WorkflowNameType` slot type: the catalogue's workflow names, with the names people call them by. */
import type { Workflow } from '../../../workflows/dsl';
import type { SlotTypeDefinition } from '../bot-definition';

/** The slot type's name, as intents refer to it. */
export const WORKFLOW_NAME_TYPE = 'WorkflowNameType';

/** One value per workflow (its canonical name); synonyms are the name with spaces and its aliases, so "order fulfilment" resolves to `order-fulfillment`. */
export function workflowNameType(workflows: readonly Workflow[]): SlotTypeDefinition {
  return {
    name: WORKFLOW_NAME_TYPE,
    description: 'A workflow of the catalogue, by its name or an alias.',
    resolution: 'TOP_RESOLUTION',
    values: workflows.map((workflow) => ({ value: workflow.name, synonyms: synonymsOf(workflow) })),
  };
}

function synonymsOf(workflow: Workflow): string[] {
  const candidates = [workflow.name.replace(/-/g, ' '), ...(workflow.options.aliases ?? [])].map((synonym) => synonym.trim());
  return [...new Set(candidates)].filter((synonym) => synonym.length > 0 && synonym !== workflow.name);
}
