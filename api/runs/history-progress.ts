/**
 * Where a run is, from its history: the states entered and not yet exited, and whether one of them
 * is an approval task waiting for its token (`lambda:invoke.waitForTaskToken` on approval-request).
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/dsl';

/** The open states (in the order entered) and which of them wait for an approval. */
export type HistoryProgress = { currentStates: string[]; waitingForApproval: string[] };

const TASK_ENDED = new Set(['TaskSucceeded', 'TaskFailed', 'TaskTimedOut', 'TaskAborted']);

/** Replays the events (oldest first). */
export function historyProgress(events: readonly HistoryEvent[]): HistoryProgress {
  const byId = new Map(events.map((event) => [event.id ?? 0, event]));
  const open = new Map<number, string>();
  const approvals = new Set<number>();
  const enteredOf = (event: HistoryEvent): number | undefined => {
    let at: HistoryEvent | undefined = event;
    while (at && !at.type?.endsWith('StateEntered')) at = byId.get(at.previousEventId ?? 0);
    return at?.id;
  };
  for (const event of events) {
    const type = event.type ?? '';
    if (type.endsWith('StateEntered') && event.stateEnteredEventDetails?.name !== undefined) open.set(event.id ?? 0, event.stateEnteredEventDetails.name);
    else if (type.endsWith('StateExited')) closeLatest(open, event.stateExitedEventDetails?.name);
    else if (type === 'TaskScheduled' && isApproval(event)) {
      const entered = enteredOf(event);
      if (entered !== undefined) approvals.add(entered);
    } else if (TASK_ENDED.has(type)) {
      const entered = enteredOf(event);
      if (entered !== undefined) approvals.delete(entered);
    }
  }
  return {
    currentStates: [...open.values()],
    waitingForApproval: [...open.entries()].filter(([id]) => approvals.has(id)).map(([, name]) => name),
  };
}

function closeLatest(open: Map<number, string>, name: string | undefined): void {
  const ids = [...open.entries()].filter(([, each]) => each === name).map(([id]) => id);
  if (ids.length > 0) open.delete(ids[ids.length - 1]);
}

function isApproval(event: HistoryEvent): boolean {
  const details = event.taskScheduledEventDetails;
  if (!details?.resource?.endsWith('.waitForTaskToken')) return false;
  return details.parameters?.includes(`:function:${APPROVAL_REQUEST_FUNCTION}"`) ?? false;
}
