/**
 * Versions of state machines for the API actions: publishing the current revision (idempotent,
 * numbered 1, 2, … and never reusing a number), looking a version up by ARN, and what
 * DescribeStateMachine answers for one. https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
 */
import {
  parseQualifiedStateMachineArn,
  versionArnOf,
  type QualifiedStateMachineArn,
  type StateMachineRecord,
  type StateMachineVersionRecord,
} from '../../engine';
import type { ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { optionalBoolean, optionalString, type RequestBody } from '../request-fields';

/** Versions a state machine may have (AWS's quota). */
export const MAX_VERSIONS_PER_STATE_MACHINE = 1000;
/** The revisionId that names a state machine's first revision in PublishStateMachineVersion. */
const INITIAL_REVISION = 'INITIAL';
/** HTTP status of ConflictException (its error shape). */
export const CONFLICT_STATUS = 409;

/** Parses a state machine, version or alias ARN, with AWS's InvalidArn error. */
export function requireQualifiedArn(arn: string): QualifiedStateMachineArn {
  const parsed = parseQualifiedStateMachineArn(arn);
  if (!parsed) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  return parsed;
}

/** The version at `arn` and its state machine, with AWS's InvalidArn / StateMachineDoesNotExist errors. */
export function requireVersion(ctx: ApiContext, arn: string): { machine: StateMachineRecord; version: StateMachineVersionRecord } {
  const parsed = requireQualifiedArn(arn);
  if (parsed.version === undefined) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  const machine = ctx.engine.store.getStateMachine(parsed.stateMachineArn);
  const version = machine && ctx.engine.store.getStateMachineVersion(arn);
  if (!machine || !version) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return { machine, version };
}

/** `version` in the shape of a state machine record, so DescribeStateMachine describes it the same way. */
export function versionAsMachine(machine: StateMachineRecord, version: StateMachineVersionRecord): StateMachineRecord {
  return {
    arn: version.arn,
    name: machine.name,
    type: version.type,
    definition: version.definition,
    roleArn: version.roleArn,
    createdAt: version.createdAt,
    description: version.description,
    revisionId: version.revisionId,
    loggingConfiguration: version.loggingConfiguration,
    tracingConfiguration: version.tracingConfiguration,
  };
}

/**
 * PublishStateMachineVersion on `machine` as stored: the version of its current revision when one
 * exists, a new one otherwise; ConflictException when `revisionId` is given and is not current.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html
 */
export function publishVersion(
  ctx: ApiContext,
  machine: StateMachineRecord,
  { description, revisionId }: { description?: string; revisionId?: string } = {},
): StateMachineVersionRecord {
  const isInitial = revisionId === INITIAL_REVISION && machine.updatedAt === undefined;
  if (revisionId !== undefined && revisionId !== machine.revisionId && !isInitial) {
    throw new StepFunctionsError(
      'ConflictException',
      `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${machine.revisionId ?? 'null'}.`,
      CONFLICT_STATUS,
    );
  }
  const { store } = ctx.engine;
  const versions = store.listStateMachineVersions(machine.arn);
  const existing = versions.find((version) => version.revisionId === machine.revisionId);
  if (existing) return existing;
  if (versions.length >= MAX_VERSIONS_PER_STATE_MACHINE) {
    throw new StepFunctionsError(
      'ServiceQuotaExceededException',
      `Maximum number of versions (${MAX_VERSIONS_PER_STATE_MACHINE}) reached for state machine '${machine.arn}'`,
      402,
    );
  }
  // The counter survives deleted versions; the max guards against a counter that was not written.
  const number = Math.max(machine.lastVersion ?? 0, ...versions.map((version) => version.version)) + 1;
  const record: StateMachineVersionRecord = {
    arn: versionArnOf(machine.arn, number),
    stateMachineArn: machine.arn,
    version: number,
    type: machine.type,
    definition: machine.definition,
    roleArn: machine.roleArn,
    revisionDate: machine.updatedAt ?? machine.createdAt,
    createdAt: ctx.engine.clock.now(),
    ...(machine.revisionId === undefined ? {} : { revisionId: machine.revisionId }),
    ...(description === undefined ? {} : { description }),
    ...(machine.loggingConfiguration === undefined ? {} : { loggingConfiguration: machine.loggingConfiguration }),
    ...(machine.tracingConfiguration === undefined ? {} : { tracingConfiguration: machine.tracingConfiguration }),
  };
  store.putStateMachine({ ...machine, lastVersion: number });
  store.putStateMachineVersion(record);
  store.flush();
  return record;
}

/** CreateStateMachine's and UpdateStateMachine's `publish` and `versionDescription` (only with `publish`). */
export type PublishOptions = { publish: boolean; versionDescription?: string };

/** Reads `publish` and `versionDescription`, with AWS's ValidationException for a description without publish. */
export function publishOptionsOf(body: RequestBody): PublishOptions {
  const publish = optionalBoolean(body, 'publish') ?? false;
  const versionDescription = optionalString(body, 'versionDescription', { maxLength: 256 });
  if (versionDescription !== undefined && !publish)
    throw new StepFunctionsError('ValidationException', 'Version description can only be set when publish is true');
  return { publish, versionDescription };
}

/** `{ stateMachineVersionArn }` of the version published for `machine` when asked to, else nothing. */
export function publishIfAsked(
  ctx: ApiContext,
  machine: StateMachineRecord,
  { publish, versionDescription }: PublishOptions,
): { stateMachineVersionArn?: string } {
  return publish ? { stateMachineVersionArn: publishVersion(ctx, machine, { description: versionDescription }).arn } : {};
}

/** Whether `next` is `current` unchanged: then UpdateStateMachine makes no new revision (as on AWS). */
export function sameRevision(current: StateMachineRecord, next: StateMachineRecord): boolean {
  return (
    current.definition === next.definition &&
    current.roleArn === next.roleArn &&
    JSON.stringify(current.loggingConfiguration) === JSON.stringify(next.loggingConfiguration) &&
    JSON.stringify(current.tracingConfiguration) === JSON.stringify(next.tracingConfiguration)
  );
}

/** DeleteStateMachine's part for versions and aliases: it removes every one of them. */
export function deleteVersionsAndAliases(ctx: ApiContext, stateMachineArn: string): void {
  const { store } = ctx.engine;
  for (const alias of store.listStateMachineAliases(stateMachineArn)) store.deleteStateMachineAlias(alias.arn);
  for (const version of store.listStateMachineVersions(stateMachineArn)) store.deleteStateMachineVersion(version.arn);
}
