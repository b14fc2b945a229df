/**
 * What StartExecution runs for a state machine, version or alias ARN: an unqualified ARN runs the
 * current revision, a version ARN that version, and an alias ARN one of its versions, drawn by
 * weight. https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import type { ExecutionStore, StateMachineRecord } from './execution-store';
import { parseQualifiedStateMachineArn } from './qualified-arns';
import type { RoutingConfigurationItem } from './state-machine-versions';

/** The definition an execution starts with, and the version and alias it started through. */
export type StartTarget = {
  machine: StateMachineRecord;
  definition: string;
  roleArn: string;
  revisionId?: string;
  revisionDate: number;
  versionArn?: string;
  aliasArn?: string;
};

/** The version an alias sends a start to, for a draw in [0, 1): the routes split [0, 100) in order. */
export function pickVersion(routing: readonly RoutingConfigurationItem[], draw: number): string {
  let threshold = 0;
  for (const route of routing) {
    threshold += route.weight;
    if (draw * 100 < threshold) return route.stateMachineVersionArn;
  }
  return routing[routing.length - 1].stateMachineVersionArn;
}

/** The target of `arn`, or undefined when the state machine, version or alias does not exist. */
export function resolveStartTarget(store: ExecutionStore, arn: string, random: () => number): StartTarget | undefined {
  const parsed = parseQualifiedStateMachineArn(arn);
  const machine = parsed && store.getStateMachine(parsed.stateMachineArn);
  if (!parsed || !machine) return undefined;
  if (parsed.version === undefined && parsed.alias === undefined) {
    return {
      machine,
      definition: machine.definition,
      roleArn: machine.roleArn,
      revisionId: machine.revisionId,
      revisionDate: machine.updatedAt ?? machine.createdAt,
    };
  }
  let aliasArn: string | undefined;
  let versionArn = arn;
  if (parsed.alias !== undefined) {
    const alias = store.getStateMachineAlias(arn);
    if (!alias || !alias.routingConfiguration.length) return undefined;
    aliasArn = arn;
    versionArn = pickVersion(alias.routingConfiguration, random());
  }
  const version = store.getStateMachineVersion(versionArn);
  if (!version) return undefined;
  return {
    machine,
    definition: version.definition,
    roleArn: version.roleArn,
    revisionId: version.revisionId,
    revisionDate: version.revisionDate,
    versionArn,
    aliasArn,
  };
}
