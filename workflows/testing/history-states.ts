/**
 * Which state each history event belongs to. Events of Parallel branches and Map iterations
 * interleave, but each points at the event before it in its own flow (`previousEventId`), so an
 * event belongs to the state its flow last entered (until that state exits).
 */
import type { HistoryEvent } from '../engine';

/** A state's entry: its name and the events from entering to leaving it. */
export type StateVisit = { name: string; enteredId: number; events: HistoryEvent[]; previous?: string };

const ENTERED = /StateEntered$/;
const EXITED = /StateExited$/;

/** The visits of states in entry order; `previous` is the state the same flow was in before. */
export function stateVisits(events: readonly HistoryEvent[]): StateVisit[] {
  const visits: StateVisit[] = [];
  /** Per event id: the visit its flow is in, or the last visit its flow left (for `previous`). */
  const flowAt = new Map<number, { current?: StateVisit; last?: StateVisit }>();
  for (const event of events) {
    const before = flowAt.get(event.previousEventId) ?? {};
    if (ENTERED.test(event.type)) {
      const name = String((event.details as { name?: unknown } | undefined)?.name ?? '');
      const visit: StateVisit = { name, enteredId: event.id, events: [event], previous: (before.current ?? before.last)?.name };
      visits.push(visit);
      flowAt.set(event.id, { current: visit, last: before.last });
      continue;
    }
    before.current?.events.push(event);
    if (EXITED.test(event.type)) flowAt.set(event.id, { last: before.current });
    else flowAt.set(event.id, before);
  }
  return visits;
}
