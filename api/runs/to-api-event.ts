/** A Step Functions history event as the API returns it: ISO timestamp, details without task tokens. */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { redactTaskTokens } from './redact-task-tokens';

/** One event of `GET /api/runs/{runId}/history`. */
export type ApiHistoryEvent = { id: number; previousEventId?: number; type: string; timestamp: string; details?: unknown };

/** Converts; `…EventDetails` become `details`. */
export function toApiEvent(event: HistoryEvent): ApiHistoryEvent {
  const detailsKey = Object.keys(event).find((key) => key.endsWith('EventDetails'));
  const details = detailsKey ? (event as unknown as Record<string, unknown>)[detailsKey] : undefined;
  return {
    id: event.id ?? 0,
    ...(event.previousEventId ? { previousEventId: event.previousEventId } : {}),
    type: event.type ?? 'Unknown',
    timestamp: (event.timestamp ?? new Date(0)).toISOString(),
    ...(details === undefined ? {} : { details: redactTaskTokens(details) }),
  };
}
