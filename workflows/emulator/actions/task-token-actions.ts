/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat for `.waitForTaskToken` tasks and for the
 * activity tasks workers took with GetActivityTask (the same task tokens).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
 */
import type { JsonValue } from '../../asl';
import type { CallbackAction } from '../../engine';
import type { ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { optionalString, requiredString, type RequestBody } from '../request-fields';

function deliver(ctx: ApiContext, token: string, action: CallbackAction): unknown {
  const result = ctx.engine.sendTaskCallback(token, action);
  if (!result.ok) throw new StepFunctionsError(result.code, result.message);
  return {};
}

/** SendTaskSuccess. */
export function sendTaskSuccess(ctx: ApiContext, body: RequestBody): unknown {
  const token = requiredString(body, 'taskToken', { maxLength: 2048 });
  const text = requiredString(body, 'output', { maxLength: 262144 });
  let output: JsonValue;
  try {
    output = JSON.parse(text) as JsonValue;
  } catch {
    throw new StepFunctionsError('InvalidOutput', `Invalid Output: '${text.slice(0, 100)}'`);
  }
  return deliver(ctx, token, { kind: 'outcome', outcome: { status: 'succeeded', output } });
}

/** SendTaskFailure. */
export function sendTaskFailure(ctx: ApiContext, body: RequestBody): unknown {
  const token = requiredString(body, 'taskToken', { maxLength: 2048 });
  const error = optionalString(body, 'error', { maxLength: 256 }) ?? null;
  const cause = optionalString(body, 'cause', { maxLength: 32768 }) ?? null;
  return deliver(ctx, token, { kind: 'outcome', outcome: { status: 'failed', error, cause } });
}

/** SendTaskHeartbeat. */
export function sendTaskHeartbeat(ctx: ApiContext, body: RequestBody): unknown {
  return deliver(ctx, requiredString(body, 'taskToken', { maxLength: 2048 }), { kind: 'heartbeat' });
}
