/**
 * What a state machine's role must be allowed, read from its ASL: CDK infers nothing from a raw
 * definition, so each service integration a Task uses is turned into the actions it needs on the
 * resource its placeholder names (and nothing on `*`).
 * https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html
 */
import type { StateMachine } from '../../workflows/asl';
import type { Substitutions } from '../../workflows/dsl';

/** A resource a permission is on: a placeholder's function, table or state machine, the executions of a state machine, or the managed rule `.sync` uses. */
export type PermissionTarget =
  | { kind: 'function'; functionName: string }
  | { kind: 'table'; table: string }
  | { kind: 'stateMachine'; workflow: string }
  | { kind: 'executionsOf'; workflow: string }
  | { kind: 'syncEventsRule' };

/** Actions on one target. */
export type Permission = { actions: string[]; target: PermissionTarget };

/** The rule Step Functions manages to hear child executions end (`startExecution.sync`). */
export const SYNC_EVENTS_RULE = 'StepFunctionsGetEventsForStepFunctionsExecutionRule';

type State = {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  Arguments?: Record<string, unknown>;
  Branches?: { States: Record<string, State> }[];
  ItemProcessor?: { States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
};

/** Every permission the Tasks of `definition` need, merged by target. */
export function statePermissions(definition: StateMachine, substitutions: Substitutions): Permission[] {
  const byTarget = new Map<string, Permission>();
  const add = (actions: string[], target: PermissionTarget) => {
    const key = JSON.stringify(target);
    const known = byTarget.get(key);
    byTarget.set(key, { target, actions: [...new Set([...(known?.actions ?? []), ...actions])].sort() });
  };
  const placeholderOf = (state: State, field: string): string => {
    const value = (state.Parameters ?? state.Arguments ?? {})[field];
    const match = typeof value === 'string' ? /^\$\{(\w+)\}$/.exec(value) : null;
    if (!match || !substitutions[match[1]])
      throw new Error(`a Task on ${state.Resource} names its ${field} without a placeholder the deploy can fill: ${JSON.stringify(value)}`);
    return match[1];
  };
  const visit = (states: Record<string, State>) => {
    for (const state of Object.values(states)) {
      for (const branch of state.Branches ?? []) visit(branch.States);
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) visit(processor.States);
      if (state.Type === 'Task' && state.Resource) permissionsOfTask(state, placeholderOf, substitutions, add);
    }
  };
  visit(definition.States as Record<string, State>);
  return [...byTarget.values()];
}

function permissionsOfTask(
  state: State,
  placeholderOf: (state: State, field: string) => string,
  substitutions: Substitutions,
  add: (actions: string[], target: PermissionTarget) => void,
): void {
  const resource = state.Resource as string;
  const integration = /^arn:aws:states:::([a-z]+):([A-Za-z]+)(?:\.(sync(?::2)?|waitForTaskToken))?$/.exec(resource);
  if (!integration) throw new Error(`Task resource ${resource} is not a service integration the deploy knows how to grant`);
  const [, service, action, pattern] = integration;
  if (service === 'lambda' && action === 'invoke') {
    const substitution = substitutions[placeholderOf(state, 'FunctionName')];
    if (substitution.type === 'function') add(['lambda:InvokeFunction'], { kind: 'function', functionName: substitution.functionName });
    return;
  }
  if (service === 'dynamodb') {
    const substitution = substitutions[placeholderOf(state, 'TableName')];
    if (substitution.type === 'table')
      add([`dynamodb:${action[0].toUpperCase()}${action.slice(1)}`], { kind: 'table', table: substitution.table });
    return;
  }
  if (service === 'states' && action === 'startExecution') {
    const substitution = substitutions[placeholderOf(state, 'StateMachineArn')];
    if (substitution.type !== 'stateMachine') return;
    add(['states:StartExecution'], { kind: 'stateMachine', workflow: substitution.workflow });
    if (pattern?.startsWith('sync')) {
      add(['states:DescribeExecution', 'states:StopExecution'], { kind: 'executionsOf', workflow: substitution.workflow });
      add(['events:DescribeRule', 'events:PutRule', 'events:PutTargets'], { kind: 'syncEventsRule' });
    }
    return;
  }
  throw new Error(`Task resource ${resource} is not a service integration the deploy knows how to grant`);
}
