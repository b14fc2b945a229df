/**
 * CreateStateMachine, UpdateStateMachine, DeleteStateMachine, DescribeStateMachine,
 * ListStateMachines. https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html
 */
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../asl';
import {
  isValidResourceName,
  parseQualifiedStateMachineArn,
  parseStateMachineArn,
  stateMachineArnOf,
  type StateMachineRecord,
} from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { checkTagCount, mergeTags, tagsOf } from '../resource-tags';
import { optionalEnum, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { invalidDefinitionMessage, validateDefinition } from '../validate-definition';
import {
  deleteVersionsAndAliases,
  publishIfAsked,
  publishOptionsOf,
  requireVersion,
  sameRevision,
  versionAsMachine,
} from './state-machine-versions';

const DEFAULT_LOGGING = { level: 'OFF', includeExecutionData: false };
const DEFAULT_TRACING = { enabled: false };
const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/.+$/;

function checkDefinition(definition: string): void {
  const diagnostics = validateDefinition(definition);
  if (diagnostics.length) throw new StepFunctionsError('InvalidDefinition', invalidDefinitionMessage(diagnostics));
}

function checkRoleArn(roleArn: string): void {
  if (!ROLE_ARN.test(roleArn))
    throw new StepFunctionsError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${roleArn}'`);
}

/** Looks a state machine up by ARN, with AWS's InvalidArn / StateMachineDoesNotExist errors. */
export function requireStateMachine(ctx: ApiContext, arn: string): StateMachineRecord {
  // A version or alias ARN names no state machine here (UpdateStateMachine on `…:2`, as on AWS).
  if (!parseStateMachineArn(arn) && parseQualifiedStateMachineArn(arn))
    throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  if (!parseStateMachineArn(arn)) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  const record = ctx.engine.store.getStateMachine(arn);
  if (!record) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return record;
}

/** CreateStateMachine (idempotent for an identical request, as on AWS). */
export function createStateMachine(ctx: ApiContext, body: RequestBody): unknown {
  const name = requiredString(body, 'name', { maxLength: 80 });
  const definition = requiredString(body, 'definition', { maxLength: 1024 * 1024 });
  const roleArn = requiredString(body, 'roleArn');
  const type = optionalEnum(body, 'type', ['STANDARD', 'EXPRESS'] as const) ?? 'STANDARD';
  if (!isValidResourceName(name)) throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
  checkRoleArn(roleArn);
  checkDefinition(definition);
  const publishing = publishOptionsOf(body);
  const arn = stateMachineArnOf(ctx.engine.account, name);
  const tags = mergeTags([], tagsOf(body));
  checkTagCount(arn, tags);
  const existing = ctx.engine.store.getStateMachine(arn);
  if (existing) {
    if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type) {
      return { stateMachineArn: arn, creationDate: epochSeconds(existing.createdAt), ...publishIfAsked(ctx, existing, publishing) };
    }
    throw new StepFunctionsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
  }
  const record: StateMachineRecord = {
    arn,
    name,
    type,
    definition,
    roleArn,
    createdAt: ctx.engine.clock.now(),
    description: optionalString(body, 'description'),
    loggingConfiguration: (body.loggingConfiguration as JsonValue | undefined) ?? undefined,
    tracingConfiguration: (body.tracingConfiguration as JsonValue | undefined) ?? undefined,
    revisionId: randomUUID(),
  };
  ctx.engine.store.putStateMachine(record);
  ctx.engine.store.putTags(arn, tags);
  ctx.engine.store.flush();
  return { stateMachineArn: arn, creationDate: epochSeconds(record.createdAt), ...publishIfAsked(ctx, record, publishing) };
}

/** UpdateStateMachine. */
export function updateStateMachine(ctx: ApiContext, body: RequestBody): unknown {
  const record = requireStateMachine(ctx, requiredString(body, 'stateMachineArn'));
  const definition = optionalString(body, 'definition');
  const roleArn = optionalString(body, 'roleArn');
  if (
    definition === undefined &&
    roleArn === undefined &&
    body.loggingConfiguration === undefined &&
    body.tracingConfiguration === undefined
  ) {
    throw new StepFunctionsError(
      'MissingRequiredParameter',
      'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified',
    );
  }
  if (definition !== undefined) checkDefinition(definition);
  if (roleArn !== undefined) checkRoleArn(roleArn);
  const publishing = publishOptionsOf(body);
  const next: StateMachineRecord = {
    ...record,
    definition: definition ?? record.definition,
    roleArn: roleArn ?? record.roleArn,
    loggingConfiguration: (body.loggingConfiguration as JsonValue | undefined) ?? record.loggingConfiguration,
    tracingConfiguration: (body.tracingConfiguration as JsonValue | undefined) ?? record.tracingConfiguration,
  };
  // An update that changes nothing keeps the revision (and its date), so publishing it again is idempotent.
  const updated = sameRevision(record, next) ? record : { ...next, updatedAt: ctx.engine.clock.now(), revisionId: randomUUID() };
  if (updated !== record) {
    ctx.engine.store.putStateMachine(updated);
    ctx.engine.store.flush();
  }
  return {
    updateDate: epochSeconds(updated.updatedAt ?? updated.createdAt),
    revisionId: updated.revisionId,
    ...publishIfAsked(ctx, updated, publishing),
  };
}

/** DeleteStateMachine, with its versions and aliases: running executions continue with the definition they started with. */
export function deleteStateMachine(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'stateMachineArn');
  if (!parseStateMachineArn(arn)) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  ctx.engine.store.deleteStateMachine(arn);
  deleteVersionsAndAliases(ctx, arn);
  ctx.engine.store.flush();
  return {};
}

/** The DescribeStateMachine answer for `record`. */
export function describeStateMachineRecord(record: StateMachineRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    stateMachineArn: record.arn,
    name: record.name,
    status: 'ACTIVE',
    definition: record.definition,
    roleArn: record.roleArn,
    type: record.type,
    creationDate: epochSeconds(record.createdAt),
    loggingConfiguration: record.loggingConfiguration ?? DEFAULT_LOGGING,
    tracingConfiguration: record.tracingConfiguration ?? DEFAULT_TRACING,
  };
  if (record.description !== undefined) out.description = record.description;
  if (record.revisionId !== undefined) out.revisionId = record.revisionId;
  return out;
}

/** DescribeStateMachine, of a state machine or of one of its versions (`…:N`). */
export function describeStateMachine(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'stateMachineArn');
  if (parseQualifiedStateMachineArn(arn)?.version !== undefined) {
    const { machine, version } = requireVersion(ctx, arn);
    return describeStateMachineRecord(versionAsMachine(machine, version));
  }
  return describeStateMachineRecord(requireStateMachine(ctx, arn));
}

/** ListStateMachines, in creation order. */
export function listStateMachines(ctx: ApiContext, body: RequestBody): unknown {
  const machines = ctx.engine.store
    .listStateMachines()
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))
    .map((record) => ({ stateMachineArn: record.arn, name: record.name, type: record.type, creationDate: epochSeconds(record.createdAt) }));
  const { page, nextToken } = paginate(machines, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { stateMachines: page, nextToken } : { stateMachines: page };
}
