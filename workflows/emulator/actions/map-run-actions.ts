/**
 * DescribeMapRun, ListMapRuns and UpdateMapRun, and ListExecutions of a Map Run's child
 * executions (`mapRunArn`).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListMapRuns.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateMapRun.html
 */
import type { ExecutionRecord, ExecutionStatus, MapRunRecord, MapRunSettings } from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { optionalEnum, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { requireExecution } from './execution-actions';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const;
/** `arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID`. */
const MAP_RUN_ARN = /^arn:aws[a-zA-Z-]*:states:[a-z0-9-]+:\d{12}:mapRun:[^:/]+(?:\/[^:/]+)+:[^:]+$/;
/** UpdateMapRun's bounds: maxConcurrency is an Integer, toleratedFailureCount a Long. */
const MAX_INTEGER = 2_147_483_647;

function invalid(message: string): StepFunctionsError {
  return new StepFunctionsError('ValidationException', `1 validation error detected: ${message}`);
}

/** The Map Run at `arn`, with AWS's InvalidArn and ResourceNotFound errors. */
function requireMapRun(ctx: ApiContext, arn: string): MapRunRecord {
  if (arn.length > 2000 || !MAP_RUN_ARN.test(arn)) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  const record = ctx.engine.mapRuns.get(arn);
  if (!record) throw new StepFunctionsError('ResourceNotFound', `Resource not found: '${arn}'`, 400, { fields: { resourceName: arn } });
  return record;
}

/** An optional float member within [min, max] (toleratedFailurePercentage). */
function optionalFloat(body: RequestBody, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new StepFunctionsError('SerializationException', `Expected number for '${field}'`);
  if (value < min || value > max) {
    throw invalid(
      `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value ${value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`,
    );
  }
  return value;
}

/** DescribeMapRun: settings, status, dates and the item and execution counts. */
export function describeMapRun(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'mapRunArn');
  requireMapRun(ctx, arn);
  const description = ctx.engine.mapRuns.describe(arn);
  if (!description)
    throw new StepFunctionsError('ResourceNotFound', `Resource not found: '${arn}'`, 400, { fields: { resourceName: arn } });
  const { record, itemCounts, executionCounts } = description;
  const out: Record<string, unknown> = {
    mapRunArn: record.arn,
    executionArn: record.executionArn,
    status: record.status,
    startDate: epochSeconds(record.startedAt),
    maxConcurrency: record.maxConcurrency,
    toleratedFailurePercentage: record.toleratedFailurePercentage ?? 0,
    toleratedFailureCount: record.toleratedFailureCount ?? 0,
    itemCounts,
    executionCounts,
    redriveCount: 0,
  };
  if (record.stoppedAt !== undefined) out.stopDate = epochSeconds(record.stoppedAt);
  return out;
}

/** ListMapRuns: the Map Runs an execution started, oldest first. */
export function listMapRuns(ctx: ApiContext, body: RequestBody): unknown {
  const execution = requireExecution(ctx, requiredString(body, 'executionArn'));
  const mapRuns = ctx.engine.mapRuns.list(execution.arn).map((record) => {
    const item: Record<string, unknown> = {
      executionArn: record.executionArn,
      mapRunArn: record.arn,
      stateMachineArn: record.stateMachineArn,
      startDate: epochSeconds(record.startedAt),
    };
    if (record.stoppedAt !== undefined) item.stopDate = epochSeconds(record.stoppedAt);
    return item;
  });
  const { page, nextToken } = paginate(mapRuns, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { mapRuns: page, nextToken } : { mapRuns: page };
}

/** UpdateMapRun: new MaxConcurrency or tolerated failures for a running Map Run's children not started yet. */
export function updateMapRun(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'mapRunArn');
  const settings: Partial<MapRunSettings> = {
    maxConcurrency: optionalInteger(body, 'maxConcurrency', 0, MAX_INTEGER),
    toleratedFailureCount: optionalInteger(body, 'toleratedFailureCount', 0, Number.MAX_SAFE_INTEGER),
    toleratedFailurePercentage: optionalFloat(body, 'toleratedFailurePercentage', 0, 100),
  };
  requireMapRun(ctx, arn);
  const result = ctx.engine.mapRuns.update(arn, settings);
  if (!result.ok)
    throw new StepFunctionsError(
      result.code,
      result.message,
      400,
      result.code === 'ResourceNotFound' ? { fields: { resourceName: arn } } : undefined,
    );
  return {};
}

function listItem(record: ExecutionRecord): Record<string, unknown> {
  const item: Record<string, unknown> = {
    executionArn: record.arn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startedAt),
  };
  if (record.stoppedAt !== undefined) item.stopDate = epochSeconds(record.stoppedAt);
  if (record.mapRunArn !== undefined) item.mapRunArn = record.mapRunArn;
  if (record.itemCount !== undefined) item.itemCount = record.itemCount;
  return item;
}

/** ListExecutions with `mapRunArn`: the Map Run's child executions, newest first, with their Map Run and item count. */
export function listMapRunExecutions(ctx: ApiContext, body: RequestBody, mapRunArn: string): unknown {
  const record = requireMapRun(ctx, mapRunArn);
  const status = optionalEnum<ExecutionStatus>(body, 'statusFilter', STATUSES);
  const executions = ctx.engine.mapRuns
    .children(record)
    .filter((child) => status === undefined || child.status === status)
    .sort((a, b) => b.startedAt - a.startedAt || b.name.localeCompare(a.name))
    .map(listItem);
  const { page, nextToken } = paginate(executions, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { executions: page, nextToken } : { executions: page };
}
