/**
 * Which state each history event belongs to. Events of Parallel branches and Map iterations
 * interleave, but each points at the event before it in its own flow (`previousEventId`), so an
 * event belongs to the state its flow is in. A branch's first state is entered from its Parallel or
 * Map; when a branch's last state exits, its flow is back in that Parallel or Map (whose own ending
 * events follow).
 */
import type { HistoryEvent } from '../engine';
import { stringField } from './detail-field';

/** A state's entry: its name and the events from entering to leaving it. */
export type StateVisit = { name: string; enteredId: number; events: HistoryEvent[]; previous?: string; parent?: StateVisit };

/** Where a flow is after an event: inside `current` (if any), having last left `exited`. */
type FlowPosition = { current?: StateVisit; exited?: StateVisit };

const ENTERED = /StateEntered$/;
const EXITED = /StateExited$/;
/** The events a branch or an iteration of a Parallel or Map starts from. */
const BRANCH_START = /^(ParallelStateStarted|MapStateStarted|MapIterationStarted|MapRunStarted)$/;

/** A Map's or Parallel's own events (a failed branch's last state never exits, so its flow still points inside the branch). */
const CONTAINER_EVENT = /^(Map|Parallel)(State|Iteration|Run)(Started|Succeeded|Failed|Aborted)$/;

/** The Map or Parallel visit an event of that kind belongs to: `visit` or the nearest enclosing one of the right type. */
function containerOf(visit: StateVisit | undefined, eventType: string): StateVisit | undefined {
  const entered = eventType.startsWith('Map') ? 'MapStateEntered' : 'ParallelStateEntered';
  for (let at = visit; at; at = at.parent) if (at.events[0].type === entered) return at;
  return visit;
}

/** The visits of states in entry order; `previous` is the state the same flow was in, or left, just before. */
export function stateVisits(events: readonly HistoryEvent[]): StateVisit[] {
  const visits: StateVisit[] = [];
  const byId = new Map<number, HistoryEvent>(events.map((event) => [event.id, event]));
  const flowAt = new Map<number, FlowPosition>();
  for (const event of events) {
    const before = flowAt.get(event.previousEventId) ?? {};
    if (ENTERED.test(event.type)) {
      const name = stringField(event.details, 'name');
      const fromBranchStart = BRANCH_START.test(byId.get(event.previousEventId)?.type ?? '');
      const parent = fromBranchStart ? before.current : before.exited ? before.exited.parent : before.current?.parent;
      const visit: StateVisit = { name, enteredId: event.id, events: [event], previous: (before.exited ?? before.current)?.name, parent };
      visits.push(visit);
      flowAt.set(event.id, { current: visit });
      continue;
    }
    const owner = CONTAINER_EVENT.test(event.type) ? containerOf(before.current, event.type) : before.current;
    owner?.events.push(event);
    if (EXITED.test(event.type) && owner) flowAt.set(event.id, { current: owner.parent, exited: owner });
    else flowAt.set(event.id, owner === before.current ? before : { current: owner });
  }
  return visits;
}

const FAILURE =
  /^(TaskFailed|TaskTimedOut|LambdaFunctionFailed|LambdaFunctionTimedOut|LambdaFunctionScheduleFailed|LambdaFunctionStartFailed|MapStateFailed|MapRunFailed|ParallelStateFailed|EvaluationFailed)$/;
const SUCCESS = /^(TaskSucceeded|LambdaFunctionSucceeded|MapStateSucceeded|ParallelStateSucceeded)$/;

/**
 * How a visit failed, if it ended failed: the last failure's error and cause. A Map or Parallel
 * reports no error of its own, so theirs is the error of the branch state that failed it. A state
 * that failed and then succeeded on a retry did not fail.
 */
export function failureOf(visit: StateVisit, visits: readonly StateVisit[]): { error?: string; cause?: string } | undefined {
  let failure: { error?: string; cause?: string } | undefined;
  for (const event of visit.events) {
    if (SUCCESS.test(event.type)) failure = undefined;
    if (!FAILURE.test(event.type)) continue;
    const details = (event.details ?? {}) as { error?: string; cause?: string };
    failure = details.error === undefined ? { ...(failure ?? {}) } : { error: details.error, cause: details.cause };
  }
  if (failure && failure.error === undefined) {
    const failedInside = [...visits]
      .reverse()
      .find((each) => each !== visit && isInside(each, visit) && failureOf(each, visits)?.error !== undefined);
    if (failedInside) return failureOf(failedInside, visits);
  }
  return failure;
}

function isInside(visit: StateVisit, container: StateVisit): boolean {
  for (let at = visit.parent; at; at = at.parent) if (at === container) return true;
  return false;
}
