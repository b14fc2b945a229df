/**
 * Starting another workflow as a nested execution, waiting for it (`.sync:2`) or not.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
import { placeholderRef } from '../substitution';
import { pascalCase } from '../task-function';
import { compact, type ServiceIntegration } from './service-integration';

/** What `.sync:2` returns: the child's output as JSON, with its status and timestamps. */
export type NestedExecutionResult<Output> = {
  Output: Output;
  ExecutionArn: string;
  Status: 'SUCCEEDED';
  StartDate: number;
  StopDate: number;
};

/** What fire-and-forget returns. */
export type StartedExecution = { ExecutionArn: string; StartDate: string };

/**
 * The child's input: the state's data plus `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID`, the
 * parent's execution ARN, as AWS recommends for nested executions (the console links them, and
 * Statecraft follows the link, checked against the parent's history, to find who started a run).
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-nested-workflows.html
 */
export const STARTED_BY_EXECUTION_FIELD = 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID';
const JSONPATH_INPUT = `States.JsonMerge($, States.StringToJson(States.Format('\\{"${STARTED_BY_EXECUTION_FIELD}":"{}"\\}', $$.Execution.Id)), false)`;
const JSONATA_INPUT = `{% $merge([$states.input, {'${STARTED_BY_EXECUTION_FIELD}': $states.context.Execution.Id}]) %}`;

/** Anything with a workflow name (a Workflow, or `{ name }` to avoid an import cycle). */
type WorkflowRef<Input, Output> = { readonly name: string; readonly types?: { input: Input; output: Output } };

/** Starts `workflow` with the state's data as input; waits for its result unless `wait: false`. */
export function startWorkflow<Input, Output, Wait extends boolean = true>(
  workflow: WorkflowRef<Input, Output>,
  options: { wait?: Wait; name?: string } = {},
): ServiceIntegration<Wait extends false ? StartedExecution : NestedExecutionResult<Output>> {
  const placeholder = `${pascalCase(workflow.name)}StateMachineArn`;
  const wait = options.wait ?? true;
  return {
    kind: 'integration',
    resource: wait ? 'arn:aws:states:::states:startExecution.sync:2' : 'arn:aws:states:::states:startExecution',
    payload: (language) =>
      compact({
        StateMachineArn: placeholderRef(placeholder),
        [language === 'JSONata' ? 'Input' : 'Input.$']: language === 'JSONata' ? JSONATA_INPUT : JSONPATH_INPUT,
        Name: options.name,
      }),
    substitutions: [[placeholder, { type: 'stateMachine', workflow: workflow.name }]],
    workflows: [workflow],
  };
}
