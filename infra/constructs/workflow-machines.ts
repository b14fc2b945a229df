/**
 * The workflows on AWS: one Lambda per `fn()` task handler, one state machine per catalogue workflow
 * (Standard, or Express where the workflow asks) from its compiled ASL with every placeholder filled (the task functions, the approval
 * function, the workflows' tables, child state machines), all events logged to CloudWatch Logs,
 * X-Ray tracing, and a role allowed exactly what its Tasks call. Each deploy that changes a state
 * machine publishes a version of it and points its `live` alias there.
 */
import { Arn, ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { CompiledWorkflow } from '../../workflows/dsl';
import type { BundledFunction } from '../bundle/bundle-functions';
import { statePermissions, SYNC_EVENTS_RULE, type PermissionTarget } from '../workflows/state-machine-permissions';
import { acknowledge, acknowledgeWildcardResource } from '../nag/acknowledge';
import { bundledFunction } from './bundled-function';

export type WorkflowMachinesProps = {
  prefix: string;
  workflows: readonly CompiledWorkflow[];
  /** The task handlers' bundles, by function name. */
  taskBundles: ReadonlyMap<string, BundledFunction>;
  /** Functions the product provides (the approval request), by the function name placeholders use. */
  productFunctions: ReadonlyMap<string, lambda.IFunction>;
  /** The workflows' tables by logical name. */
  tables: ReadonlyMap<string, dynamodb.ITable>;
};

/** The alias of each workflow's state machine that names the version last deployed. */
export const LIVE_ALIAS = 'live';

export class WorkflowMachines extends Construct {
  /** Each workflow's state machine, by workflow name. */
  readonly stateMachines = new Map<string, sfn.StateMachine>();
  /** Each workflow's `live` alias (on the version of the last deploy), by workflow name. */
  readonly liveAliases = new Map<string, sfn.CfnStateMachineAlias>();
  /** Each task handler's function, by function name. */
  readonly taskFunctions = new Map<string, lambda.Function>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WorkflowMachinesProps,
  ) {
    super(scope, id);
    for (const [name, bundle] of props.taskBundles)
      this.taskFunctions.set(name, bundledFunction(this, `Task-${name}`, { bundle, prefix: props.prefix }));
    for (const workflow of props.workflows) this.stateMachines.set(workflow.name, this.stateMachineOf(workflow));
  }

  /** The ARN of the state machine of `workflow` (formatted, so workflows may start each other in any order). */
  stateMachineArnOf(workflow: string): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: `${this.props.prefix}${workflow}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  /** The ARNs of all executions of `workflow`'s state machine. */
  executionsArnOf(workflow: string): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.props.prefix}${workflow}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  private stateMachineOf(workflow: CompiledWorkflow): sfn.StateMachine {
    const name = `${this.props.prefix}${workflow.name}`;
    const role = new iam.Role(this, `${workflow.name}-Role`, {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: `Runs the ${workflow.name} workflow`,
    });
    const permissions = statePermissions(workflow.definition, workflow.substitutions);
    for (const permission of permissions) {
      role.addToPolicy(new iam.PolicyStatement({ actions: permission.actions, resources: this.resourcesOf(permission.target) }));
    }
    if (permissions.some((permission) => permission.target.kind === 'executionsOf'))
      acknowledgeExecutionWildcards(
        role,
        permissions.flatMap((permission) => (permission.target.kind === 'executionsOf' ? this.resourcesOf(permission.target) : [])),
      );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Logging and X-Ray: the CloudWatch Logs delivery actions (logs:CreateLogDelivery and the like) and xray:PutTraceSegments support no resource-level permissions',
    );
    const logGroup = new logs.LogGroup(this, `${workflow.name}-Logs`, {
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const machine = new sfn.StateMachine(this, workflow.name, {
      stateMachineName: name,
      stateMachineType: workflow.type === 'EXPRESS' ? sfn.StateMachineType.EXPRESS : sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(workflow.definition)),
      definitionSubstitutions: Object.fromEntries(
        Object.entries(workflow.substitutions).map(([placeholder, substitution]) => [placeholder, this.substitutionValue(substitution)]),
      ),
      role,
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    this.liveAliases.set(workflow.name, this.publishLiveVersion(workflow.name, machine));
    return machine;
  }

  /**
   * A version of the state machine's current revision and the `live` alias on it (the L2
   * StateMachine has no versioning prop). A new revision id replaces the version resource, which
   * publishes the next version; the previous one is retained, as the executions and callers still
   * on it need it. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachineversion.html
   */
  private publishLiveVersion(name: string, machine: sfn.StateMachine): sfn.CfnStateMachineAlias {
    const revisionId = (machine.node.defaultChild as sfn.CfnStateMachine).attrStateMachineRevisionId;
    const version = new sfn.CfnStateMachineVersion(this, `${name}-Version`, {
      stateMachineArn: machine.stateMachineArn,
      stateMachineRevisionId: revisionId,
    });
    version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return new sfn.CfnStateMachineAlias(this, `${name}-Live`, {
      name: LIVE_ALIAS,
      description: `The ${name} version of the last deploy`,
      routingConfiguration: [{ stateMachineVersionArn: version.attrArn, weight: 100 }],
    });
  }

  private substitutionValue(substitution: CompiledWorkflow['substitutions'][string]): string {
    switch (substitution.type) {
      case 'function':
        return this.functionOf(substitution.functionName).functionArn;
      case 'table':
        return this.tableOf(substitution.table).tableName;
      case 'stateMachine':
        return this.stateMachineArnOf(substitution.workflow);
    }
  }

  private resourcesOf(target: PermissionTarget): string[] {
    switch (target.kind) {
      case 'function': {
        // The definitions name the unqualified function (no version or alias).
        return [this.functionOf(target.functionName).functionArn];
      }
      case 'table':
        return [this.tableOf(target.table).tableArn];
      case 'stateMachine':
        return [this.stateMachineArnOf(target.workflow)];
      case 'executionsOf':
        return [this.executionsArnOf(target.workflow)];
      case 'syncEventsRule':
        return [Arn.format({ service: 'events', resource: 'rule', resourceName: SYNC_EVENTS_RULE }, Stack.of(this))];
    }
  }

  private functionOf(functionName: string): lambda.IFunction {
    const fn = this.taskFunctions.get(functionName) ?? this.props.productFunctions.get(functionName);
    if (!fn) throw new Error(`no deployed function named '${functionName}' (placeholders name the fn() or product functions)`);
    return fn;
  }

  private tableOf(table: string): dynamodb.ITable {
    const found = this.props.tables.get(table);
    if (!found) throw new Error(`no table named '${table}' in workflows/definitions/tables.ts`);
    return found;
  }
}

/**
 * Acknowledges the `execution:<state machine>:*` resources `role` is allowed: execution names are
 * chosen at start, so the executions of one state machine is the narrowest resource there is.
 */
export function acknowledgeExecutionWildcards(role: iam.IRole, executionArns: readonly string[]): void {
  for (const arn of executionArns)
    acknowledgeWildcardResource(
      role,
      arn,
      'Executions of one named state machine: execution names are chosen when a run starts, so no narrower resource exists',
    );
}
