/**
 * CreateActivity, DescribeActivity, ListActivities, DeleteActivity and GetActivityTask (the
 * workers' long poll). SendTaskSuccess/Failure/Heartbeat answer activity tasks as they answer
 * `.waitForTaskToken` tasks (task-token-actions.ts).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html
 */
import type { JsonValue } from '../../asl';
import { activityArnOf, isValidResourceName, parseActivityArn, type ActivityRecord } from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { checkTagCount, mergeTags, tagsOf } from '../resource-tags';
import { optionalEnum, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';

/** How long AWS holds a GetActivityTask poll before answering with no task. */
export const DEFAULT_ACTIVITY_POLL_MS = 60_000;
const ENCRYPTION_TYPES = ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY'] as const;
const DEFAULT_ENCRYPTION = { type: 'AWS_OWNED_KEY' };

/** Checks the form of an activity ARN (InvalidArn). */
function checkActivityArn(arn: string): void {
  if (!parseActivityArn(arn)) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
}

/** Looks an activity up by ARN, with AWS's InvalidArn / ActivityDoesNotExist errors. */
export function requireActivity(ctx: ApiContext, arn: string): ActivityRecord {
  checkActivityArn(arn);
  const record = ctx.engine.store.getActivity(arn);
  if (!record) throw new StepFunctionsError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  return record;
}

/** The optional `encryptionConfiguration`: a type, and a KMS key for customer-managed keys. */
function encryptionOf(body: RequestBody): JsonValue | undefined {
  const value = body.encryptionConfiguration;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new StepFunctionsError('SerializationException', "Expected structure for 'encryptionConfiguration'");
  const given = value as RequestBody;
  const type = optionalEnum(given, 'type', ENCRYPTION_TYPES);
  if (type === undefined) {
    throw new StepFunctionsError(
      'ValidationException',
      "1 validation error detected: Value null at 'encryptionConfiguration.type' failed to satisfy constraint: Member must not be null",
    );
  }
  const kmsKeyId = optionalString(given, 'kmsKeyId', { maxLength: 2048 });
  const kmsDataKeyReusePeriodSeconds = optionalInteger(given, 'kmsDataKeyReusePeriodSeconds', 60, 900);
  if (type === 'CUSTOMER_MANAGED_KMS_KEY' && !kmsKeyId) {
    throw new StepFunctionsError(
      'InvalidEncryptionConfiguration',
      'Invalid Encryption Configuration: kmsKeyId is required when type is CUSTOMER_MANAGED_KMS_KEY',
    );
  }
  const configuration: Record<string, JsonValue> = { type };
  if (kmsKeyId !== undefined) configuration.kmsKeyId = kmsKeyId;
  if (kmsDataKeyReusePeriodSeconds !== undefined) configuration.kmsDataKeyReusePeriodSeconds = kmsDataKeyReusePeriodSeconds;
  return configuration;
}

/** CreateActivity: idempotent by name (tags of a repeated request are ignored, as on AWS). */
export function createActivity(ctx: ApiContext, body: RequestBody): unknown {
  const name = requiredString(body, 'name', { maxLength: 80 });
  if (!isValidResourceName(name)) throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
  const tags = mergeTags([], tagsOf(body));
  const encryptionConfiguration = encryptionOf(body);
  const arn = activityArnOf(ctx.engine.account, name);
  checkTagCount(arn, tags);
  const existing = ctx.engine.store.getActivity(arn);
  if (existing) {
    if (
      JSON.stringify(encryptionConfiguration ?? DEFAULT_ENCRYPTION) !==
      JSON.stringify(existing.encryptionConfiguration ?? DEFAULT_ENCRYPTION)
    ) {
      throw new StepFunctionsError(
        'ActivityAlreadyExists',
        `Activity already exists. EncryptionConfiguration may not be updated: '${arn}'`,
      );
    }
    return { activityArn: arn, creationDate: epochSeconds(existing.createdAt) };
  }
  const record: ActivityRecord = { arn, name, createdAt: ctx.engine.clock.now() };
  if (encryptionConfiguration !== undefined) record.encryptionConfiguration = encryptionConfiguration;
  ctx.engine.store.putActivity(record);
  ctx.engine.store.putTags(arn, tags);
  ctx.engine.store.flush();
  return { activityArn: arn, creationDate: epochSeconds(record.createdAt) };
}

/** DescribeActivity. */
export function describeActivity(ctx: ApiContext, body: RequestBody): unknown {
  const record = requireActivity(ctx, requiredString(body, 'activityArn', { maxLength: 256 }));
  const out: Record<string, unknown> = { activityArn: record.arn, name: record.name, creationDate: epochSeconds(record.createdAt) };
  if (record.encryptionConfiguration !== undefined) out.encryptionConfiguration = record.encryptionConfiguration;
  return out;
}

/** ListActivities, in creation order. */
export function listActivities(ctx: ApiContext, body: RequestBody): unknown {
  const activities = ctx.engine.store
    .listActivities()
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))
    .map((record) => ({ activityArn: record.arn, name: record.name, creationDate: epochSeconds(record.createdAt) }));
  const { page, nextToken } = paginate(
    activities,
    optionalInteger(body, 'maxResults', 0, 1000),
    optionalString(body, 'nextToken', { maxLength: 1024 }),
  );
  return nextToken ? { activities: page, nextToken } : { activities: page };
}

/** DeleteActivity: succeeds for an activity that does not exist (AWS declares only InvalidArn). */
export function deleteActivity(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'activityArn', { maxLength: 256 });
  checkActivityArn(arn);
  ctx.engine.store.deleteActivity(arn);
  ctx.engine.store.flush();
  return {};
}

/** GetActivityTask: a task (token and input) once one is scheduled, or `{}` when none came within the poll's wait. */
export async function getActivityTask(ctx: ApiContext, body: RequestBody, signal?: AbortSignal): Promise<unknown> {
  const arn = requiredString(body, 'activityArn', { maxLength: 256 });
  const workerName = optionalString(body, 'workerName', { maxLength: 80 });
  requireActivity(ctx, arn);
  const task = await ctx.engine.pollActivityTask(arn, workerName, ctx.activityPollTimeoutMs ?? DEFAULT_ACTIVITY_POLL_MS, signal);
  return task ? { taskToken: task.taskToken, input: task.input } : {};
}
