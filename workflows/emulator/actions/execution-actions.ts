/**
 * StartExecution, StartSyncExecution, StopExecution, DescribeExecution,
 * DescribeStateMachineForExecution, ListExecutions and RedriveExecution.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html
 */
import { labelledMachineName, parseExecutionArn, type ExecutionRecord, type ExecutionStatus } from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { optionalEnum, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { listMapRunExecutions } from './map-run-actions';
import { describeStateMachineRecord, requireStateMachine } from './state-machine-actions';
import { requireQualifiedArn } from './state-machine-versions';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;
const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** Looks an execution up by ARN, with AWS's InvalidArn / ExecutionDoesNotExist errors. */
export function requireExecution(ctx: ApiContext, arn: string): ExecutionRecord {
  if (!parseExecutionArn(arn)) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  const record = ctx.engine.store.getExecution(arn);
  if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return record;
}

function start(ctx: ApiContext, body: RequestBody): ExecutionRecord {
  // A version or alias ARN starts that version, or one the alias routes to (the engine resolves it).
  const stateMachineArn = requiredString(body, 'stateMachineArn');
  requireStateMachine(ctx, requireQualifiedArn(stateMachineArn).stateMachineArn);
  const result = ctx.engine.startExecution({
    stateMachineArn,
    name: optionalString(body, 'name'),
    input: optionalString(body, 'input', { maxLength: 262144 }),
    traceHeader: optionalString(body, 'traceHeader'),
  });
  if (!result.ok) throw new StepFunctionsError(result.code, result.message);
  return result.value.record;
}

/** StartExecution. */
export function startExecution(ctx: ApiContext, body: RequestBody): unknown {
  const record = start(ctx, body);
  return { executionArn: record.arn, startDate: epochSeconds(record.startedAt) };
}

function describe(record: ExecutionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    executionArn: record.arn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startedAt),
    input: record.input,
    inputDetails: { included: true },
  };
  if (record.stoppedAt !== undefined) out.stopDate = epochSeconds(record.stoppedAt);
  if (record.output !== undefined) {
    out.output = record.output;
    out.outputDetails = { included: true };
  }
  if (record.error !== undefined) out.error = record.error;
  if (record.cause !== undefined) out.cause = record.cause;
  if (record.traceHeader !== undefined) out.traceHeader = record.traceHeader;
  if (record.stateMachineVersionArn !== undefined) out.stateMachineVersionArn = record.stateMachineVersionArn;
  if (record.stateMachineAliasArn !== undefined) out.stateMachineAliasArn = record.stateMachineAliasArn;
  return out;
}

/** StartSyncExecution: EXPRESS machines only; answers once the execution has closed. */
export async function startSyncExecution(ctx: ApiContext, body: RequestBody): Promise<unknown> {
  const machine = requireStateMachine(ctx, requireQualifiedArn(requiredString(body, 'stateMachineArn')).stateMachineArn);
  if (machine.type !== 'EXPRESS') {
    throw new StepFunctionsError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  }
  const started = start(ctx, body);
  const finished = await ctx.engine.waitForExecution(started.arn);
  return {
    ...describe(finished),
    billingDetails: {
      billedMemoryUsedInMB: 64,
      billedDurationInMilliseconds: Math.max(100, (finished.stoppedAt ?? finished.startedAt) - finished.startedAt),
    },
  };
}

/** StopExecution: answers once ExecutionAborted is recorded. */
export async function stopExecution(ctx: ApiContext, body: RequestBody): Promise<unknown> {
  const arn = requiredString(body, 'executionArn');
  requireExecution(ctx, arn);
  const result = await ctx.engine.stopExecution(
    arn,
    optionalString(body, 'error', { maxLength: 256 }),
    optionalString(body, 'cause', { maxLength: 32768 }),
  );
  if (!result.ok) throw new StepFunctionsError(result.code, result.message);
  return { stopDate: epochSeconds(result.value.stoppedAt ?? ctx.engine.clock.now()) };
}

/** DescribeExecution. */
export function describeExecution(ctx: ApiContext, body: RequestBody): unknown {
  const record = requireExecution(ctx, requiredString(body, 'executionArn'));
  const out = describe(record);
  if (record.mapRunArn !== undefined) out.mapRunArn = record.mapRunArn;
  out.redriveCount = record.redriveCount;
  if (record.redrivedAt !== undefined) out.redriveDate = epochSeconds(record.redrivedAt);
  if (record.type === 'STANDARD') {
    out.redriveStatus = REDRIVABLE.has(record.status) ? 'REDRIVABLE' : 'NOT_REDRIVABLE';
    if (!REDRIVABLE.has(record.status))
      out.redriveStatusReason =
        record.status === 'RUNNING'
          ? 'Execution is RUNNING and cannot be redriven'
          : `Execution is ${record.status} and cannot be redriven`;
  }
  return out;
}

/**
 * DescribeStateMachineForExecution: the definition the execution started with, with the date and
 * id of that revision (not of a later update). Executions stored before revisions were recorded
 * fall back to the state machine's current date.
 */
export function describeStateMachineForExecution(ctx: ApiContext, body: RequestBody): unknown {
  const record = requireExecution(ctx, requiredString(body, 'executionArn'));
  const machine = ctx.engine.store.getStateMachine(record.stateMachineArn);
  const base = machine
    ? describeStateMachineRecord(machine)
    : { loggingConfiguration: { level: 'OFF', includeExecutionData: false }, tracingConfiguration: { enabled: false } };
  const out: Record<string, unknown> = {
    stateMachineArn: record.stateMachineArn,
    name: record.stateMachineName,
    definition: record.definition,
    roleArn: record.roleArn,
    updateDate: epochSeconds(record.revisionDate ?? machine?.updatedAt ?? machine?.createdAt ?? record.startedAt),
    loggingConfiguration: base.loggingConfiguration,
    tracingConfiguration: base.tracingConfiguration,
  };
  if (record.revisionId !== undefined) out.revisionId = record.revisionId;
  // A Map Run's child runs the processor of a Distributed Map state, named by its label.
  if (record.mapRunArn !== undefined)
    Object.assign(out, { mapRunArn: record.mapRunArn, label: labelledMachineName(record.stateMachineArn).split('/').pop() });
  return out;
}

/** ListExecutions: newest first, filtered by status. */
export function listExecutions(ctx: ApiContext, body: RequestBody): unknown {
  const stateMachineArn = optionalString(body, 'stateMachineArn');
  const mapRunArn = optionalString(body, 'mapRunArn');
  if (stateMachineArn === undefined) {
    if (mapRunArn === undefined) throw new StepFunctionsError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
    return listMapRunExecutions(ctx, body, mapRunArn);
  }
  if (mapRunArn !== undefined)
    throw new StepFunctionsError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN, not both');
  // A version or alias ARN lists the executions that ran that version or started through that alias.
  const qualified = requireQualifiedArn(stateMachineArn);
  requireStateMachine(ctx, qualified.stateMachineArn);
  const status = optionalEnum<ExecutionStatus>(body, 'statusFilter', STATUSES);
  const executions = ctx.engine.store
    .listExecutions({ stateMachineArn: qualified.stateMachineArn, status })
    .filter(
      (record) =>
        (qualified.version === undefined ? true : record.stateMachineVersionArn === stateMachineArn) &&
        (qualified.alias === undefined ? true : record.stateMachineAliasArn === stateMachineArn),
    )
    .sort((a, b) => b.startedAt - a.startedAt || b.name.localeCompare(a.name))
    .map((record) => {
      const item: Record<string, unknown> = {
        executionArn: record.arn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: epochSeconds(record.startedAt),
      };
      if (record.stoppedAt !== undefined) item.stopDate = epochSeconds(record.stoppedAt);
      if (record.stateMachineVersionArn !== undefined) item.stateMachineVersionArn = record.stateMachineVersionArn;
      if (record.stateMachineAliasArn !== undefined) item.stateMachineAliasArn = record.stateMachineAliasArn;
      if (record.redriveCount) item.redriveCount = record.redriveCount;
      if (record.redrivedAt !== undefined) item.redriveDate = epochSeconds(record.redrivedAt);
      return item;
    });
  const { page, nextToken } = paginate(executions, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { executions: page, nextToken } : { executions: page };
}

/** RedriveExecution. */
export function redriveExecution(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'executionArn');
  requireExecution(ctx, arn);
  const result = ctx.engine.redriveExecution(arn);
  if (!result.ok) throw new StepFunctionsError(result.code, result.message);
  return { redriveDate: epochSeconds(result.value.redrivedAt ?? ctx.engine.clock.now()) };
}
