/**
 * GetExecutionHistory: pages of events (oldest first, or newest first with reverseOrder), with
 * `…EventDetails` named after each type; includeExecutionData=false drops inputs and outputs.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 */
import { detailsKeyFor, type HistoryEvent } from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { paginate } from '../pagination';
import { optionalBoolean, optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { requireExecution } from './execution-actions';

const DATA_FIELDS = new Set(['input', 'output', 'inputDetails', 'outputDetails', 'parameters']);

/** One event as GetExecutionHistory returns it (`…EventDetails` named after its type; epoch seconds). */
export function wireHistoryEvent(event: HistoryEvent, includeData = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    timestamp: epochSeconds(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
  };
  if (event.details) {
    out[detailsKeyFor(event.type)] = includeData
      ? event.details
      : Object.fromEntries(Object.entries(event.details).filter(([key]) => !DATA_FIELDS.has(key)));
  }
  return out;
}

/** GetExecutionHistory. */
export function getExecutionHistory(ctx: ApiContext, body: RequestBody): unknown {
  const record = requireExecution(ctx, requiredString(body, 'executionArn'));
  const includeData = optionalBoolean(body, 'includeExecutionData') ?? true;
  const events = ctx.engine.history(record.arn);
  if (optionalBoolean(body, 'reverseOrder')) events.reverse();
  const { page, nextToken } = paginate(events, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  const out: Record<string, unknown> = { events: page.map((event) => wireHistoryEvent(event, includeData)) };
  if (nextToken) out.nextToken = nextToken;
  return out;
}
