/**
 * Which state each history event belongs to. Events of Parallel branches and Map iterations
 * interleave, but each points at the event before it in its own flow (`previousEventId`), so an
 * event belongs to the state its flow is in. A branch's first state is entered from its Parallel or
 * Map; when a branch's last state exits, its flow is back in that Parallel or Map (whose own ending
 * events follow).
 */
import type { HistoryEvent } from '../engine';

/** A state's entry: its name and the events from entering to leaving it. */
export type StateVisit = { name: string; enteredId: number; events: HistoryEvent[]; previous?: string; parent?: StateVisit };

/** Where a flow is after an event: inside `current` (if any), having last left `exited`. */
type FlowPosition = { current?: StateVisit; exited?: StateVisit };

const ENTERED = /StateEntered$/;
const EXITED = /StateExited$/;
/** The events a branch or an iteration of a Parallel or Map starts from. */
const BRANCH_START = /^(ParallelStateStarted|MapStateStarted|MapIterationStarted|MapRunStarted)$/;

/** The visits of states in entry order; `previous` is the state the same flow was in, or left, just before. */
export function stateVisits(events: readonly HistoryEvent[]): StateVisit[] {
  const visits: StateVisit[] = [];
  const byId = new Map<number, HistoryEvent>(events.map((event) => [event.id, event]));
  const flowAt = new Map<number, FlowPosition>();
  for (const event of events) {
    const before = flowAt.get(event.previousEventId) ?? {};
    if (ENTERED.test(event.type)) {
      const name = String((event.details as { name?: unknown } | undefined)?.name ?? '');
      const fromBranchStart = BRANCH_START.test(byId.get(event.previousEventId)?.type ?? '');
      const parent = fromBranchStart ? before.current : before.exited ? before.exited.parent : before.current?.parent;
      const visit: StateVisit = { name, enteredId: event.id, events: [event], previous: (before.exited ?? before.current)?.name, parent };
      visits.push(visit);
      flowAt.set(event.id, { current: visit });
      continue;
    }
    before.current?.events.push(event);
    if (EXITED.test(event.type) && before.current) flowAt.set(event.id, { current: before.current.parent, exited: before.current });
    else flowAt.set(event.id, before);
  }
  return visits;
}
