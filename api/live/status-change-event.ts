/**
 * The EventBridge "Step Functions Execution Status Change" event: on AWS an EventBridge rule
 * delivers it, locally the engine's status listener builds it, and the live hub reads only this.
 * https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
 */
import { randomUUID } from 'node:crypto';

/** The `detail-type` of execution status changes. */
export const STATUS_CHANGE_DETAIL_TYPE = 'Step Functions Execution Status Change';

/** Execution statuses as EventBridge reports them. */
export type StatusChangeStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** The `detail` object, field for field as AWS sends it (epoch-millisecond dates, null when absent). */
export type StatusChangeDetail = {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: StatusChangeStatus;
  startDate: number;
  stopDate: number | null;
  input: string | null;
  inputDetails: { included: boolean } | null;
  output: string | null;
  outputDetails: { included: boolean } | null;
  error: string | null;
  cause: string | null;
  redriveCount?: number;
};

/** The whole EventBridge envelope. */
export type StatusChangeEvent = {
  version: '0';
  id: string;
  'detail-type': typeof STATUS_CHANGE_DETAIL_TYPE;
  source: 'aws.states';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: StatusChangeDetail;
};

/** The fields of an execution record the event is built from (the engine's ExecutionRecord has them). */
export type ExecutionStatusRecord = {
  arn: string;
  stateMachineArn: string;
  name: string;
  status: StatusChangeStatus;
  input: string;
  startedAt: number;
  stoppedAt?: number;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount?: number;
};

const STATUSES: ReadonlySet<string> = new Set<StatusChangeStatus>([
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
]);

/** The event AWS would emit for `record`'s current status (region and account come from the ARN). */
export function toStatusChangeEvent(record: ExecutionStatusRecord, now: () => number = Date.now): StatusChangeEvent {
  const [, , , region = '', account = ''] = record.arn.split(':');
  const time = record.status === 'RUNNING' ? record.startedAt : (record.stoppedAt ?? now());
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': STATUS_CHANGE_DETAIL_TYPE,
    source: 'aws.states',
    account,
    time: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [record.arn],
    detail: {
      executionArn: record.arn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startedAt,
      stopDate: record.stoppedAt ?? null,
      input: record.input,
      inputDetails: { included: true },
      output: record.output ?? null,
      outputDetails: record.output === undefined ? null : { included: true },
      error: record.error ?? null,
      cause: record.cause ?? null,
      ...(record.redriveCount ? { redriveCount: record.redriveCount } : {}),
    },
  };
}

/** The event in `value` (e.g. a Lambda's EventBridge payload), or undefined when it is not one. */
export function parseStatusChangeEvent(value: unknown): StatusChangeEvent | undefined {
  if (!isObject(value) || value['detail-type'] !== STATUS_CHANGE_DETAIL_TYPE || value.source !== 'aws.states') return undefined;
  const detail = value.detail;
  if (!isObject(detail)) return undefined;
  const { executionArn, stateMachineArn, name, status, startDate } = detail;
  if (typeof executionArn !== 'string' || typeof stateMachineArn !== 'string' || typeof name !== 'string') return undefined;
  if (typeof status !== 'string' || !STATUSES.has(status) || typeof startDate !== 'number') return undefined;
  return value as StatusChangeEvent;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
