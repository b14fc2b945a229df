/**
 * Reads a Step Functions execution history, event by event, into state visits: which states were
 * entered, which are open, which wait for an approval, which failed, were retried or had their
 * failure caught. Pure (types only from the SDK), so the API's run details, the live events and
 * the console all interpret a history the same way.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';

/** How a visit of a state stands. */
export type VisitStatus = 'running' | 'waiting-for-approval' | 'succeeded' | 'caught' | 'failed' | 'aborted';

/** One entry into a state (a state inside a Map is visited once per item). */
export type StateVisit = {
  name: string;
  /** Task, Pass, Choice, Wait, Parallel, Map, Succeed, Fail. */
  stateType: string;
  enteredEventId: number;
  enteredAt?: Date;
  exitedAt?: Date;
  status: VisitStatus;
  /** Attempts after the first (Retry). */
  retries: number;
  /** The last failure seen in the visit (kept when it was retried or caught). */
  error?: string;
  cause?: string;
  /** Every failure of the visit, oldest first: one per attempt that failed. */
  failures: { error?: string; cause?: string }[];
  /** The state's input and output as JSON text, when the history carries them. */
  input?: string;
  output?: string;
};

/** What one event changed, for live clients. */
export type HistoryChange =
  | { kind: 'entered' | 'exited'; visit: StateVisit; eventId: number }
  | { kind: 'approval'; visit: StateVisit; waiting: boolean }
  | { kind: 'closed'; status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' };

/** The fields the reader uses: the SDK's events (`…EventDetails`), or the REST API's (`details`). */
export type ReadableEvent = Omit<HistoryEvent, 'timestamp' | 'type'> & { type?: string; timestamp?: Date | string; details?: unknown };

const CLOSED: Record<string, 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionAborted: 'ABORTED',
};
/** A task ended (an approval task stops waiting). */
const TASK_ENDED = new Set(['TaskSucceeded', 'TaskFailed', 'TaskTimedOut', 'TaskAborted']);
/** A new attempt of the state's work: after a failure, a retry. */
const ATTEMPT_STARTED = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);
/** The state's work failed (the state may still retry, catch, or fail the run). */
const WORK_FAILED =
  /^(Task|LambdaFunction|Activity|MapRun)(Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$|^(Parallel|Map)StateFailed$/;

type Visit = StateVisit & { failedAttempt: boolean; approval: boolean };

/** Reads events in order (oldest first); `apply` each new one. */
export class HistoryReader {
  private readonly all: Visit[] = [];
  private readonly open = new Map<number, Visit>();
  /** The visit each event belongs to, by event id (found through previousEventId). */
  private readonly visitOfEvent = new Map<number, Visit>();
  closedAs: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | undefined;

  /** Every visit, in the order entered. */
  get visits(): readonly StateVisit[] {
    return this.all;
  }

  /** Names of the open states, in the order entered. */
  currentStates(): string[] {
    return [...this.open.values()].map((visit) => visit.name);
  }

  /** Names of the open states whose approval task waits for its token. */
  waitingForApproval(): string[] {
    return [...this.open.values()].filter((visit) => visit.approval).map((visit) => visit.name);
  }

  /** Applies the next event; returns what it changed. */
  apply(event: ReadableEvent): HistoryChange[] {
    const id = event.id ?? 0;
    const type = event.type ?? '';
    const at = event.timestamp === undefined ? undefined : new Date(event.timestamp);
    if (type.endsWith('StateEntered')) {
      const entered = detailsOf(event, 'stateEnteredEventDetails');
      const visit: Visit = {
        name: entered?.name ?? '',
        stateType: type.slice(0, -'StateEntered'.length),
        enteredEventId: id,
        enteredAt: at,
        status: 'running',
        retries: 0,
        failures: [],
        ...(entered?.input === undefined ? {} : { input: entered.input }),
        failedAttempt: false,
        approval: false,
      };
      this.all.push(visit);
      this.open.set(id, visit);
      this.visitOfEvent.set(id, visit);
      return [{ kind: 'entered', visit: publicVisit(visit), eventId: id }];
    }
    const visit = this.visitFor(event, type);
    if (visit) this.visitOfEvent.set(id, visit);
    if (type in CLOSED) return this.close(CLOSED[type], at);
    if (!visit) return [];
    if (type.endsWith('StateExited')) {
      this.open.delete(visit.enteredEventId);
      visit.exitedAt = at;
      visit.approval = false;
      visit.status = visit.failedAttempt ? 'caught' : 'succeeded';
      const output = detailsOf(event, 'stateExitedEventDetails')?.output;
      if (output !== undefined) visit.output = output;
      return [{ kind: 'exited', visit: publicVisit(visit), eventId: id }];
    }
    const changes: HistoryChange[] = [];
    if (ATTEMPT_STARTED.has(type) && visit.failedAttempt) {
      visit.retries += 1;
      visit.failedAttempt = false;
    }
    if (WORK_FAILED.test(type)) {
      const failure = failureOf(event);
      visit.failedAttempt = true;
      visit.failures.push(failure);
      Object.assign(visit, failure);
    }
    if (type === 'TaskScheduled' && isApprovalTask(event)) {
      visit.approval = true;
      visit.status = 'waiting-for-approval';
      changes.push({ kind: 'approval', visit: publicVisit(visit), waiting: true });
    } else if (TASK_ENDED.has(type) && visit.approval) {
      visit.approval = false;
      visit.status = 'running';
      changes.push({ kind: 'approval', visit: publicVisit(visit), waiting: false });
    }
    return changes;
  }

  /**
   * The visit an event belongs to. Task events chain to their state through previousEventId; a
   * Parallel's or Map's own events and exit follow its branches' last events, so those are matched
   * to the latest open state of that name or type instead.
   */
  private visitFor(event: ReadableEvent, type: string): Visit | undefined {
    if (type.endsWith('StateExited')) return this.latestOpen((visit) => visit.name === detailsOf(event, 'stateExitedEventDetails')?.name);
    const composite = /^(Parallel|Map)(State|Run)/.exec(type)?.[1];
    if (composite) return this.latestOpen((visit) => visit.stateType === composite);
    return this.visitOfEvent.get(event.previousEventId ?? 0);
  }

  private latestOpen(matches: (visit: Visit) => boolean): Visit | undefined {
    return [...this.open.values()].reverse().find(matches);
  }

  /** The run ended: open visits end with it. */
  private close(status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED', at: Date | undefined): HistoryChange[] {
    this.closedAs = status;
    for (const visit of this.open.values()) {
      visit.approval = false;
      visit.exitedAt = at;
      visit.status = status === 'SUCCEEDED' ? 'succeeded' : status === 'ABORTED' ? 'aborted' : 'failed';
    }
    this.open.clear();
    this.visitOfEvent.clear();
    return [{ kind: 'closed', status }];
  }
}

/** A reader over a whole history. */
export function readHistory(events: readonly ReadableEvent[]): HistoryReader {
  const reader = new HistoryReader();
  for (const event of events) reader.apply(event);
  return reader;
}

/** The visit without the reader's bookkeeping. */
function publicVisit({ failedAttempt: _failed, approval: _approval, ...visit }: Visit): StateVisit {
  return { ...visit, failures: [...visit.failures] };
}

/** The event's details: the SDK's named member, or the REST API's `details`. */
function detailsOf<Key extends keyof HistoryEvent>(event: ReadableEvent, key: Key): HistoryEvent[Key] | undefined {
  return (event as HistoryEvent)[key] ?? (event.details as HistoryEvent[Key] | undefined);
}

/** The error and cause of a failure event, whichever details it carries. */
function failureOf(event: ReadableEvent): { error?: string; cause?: string } {
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object' && 'error' in value) {
      const { error, cause } = value as { error?: string; cause?: string };
      return { ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) };
    }
  }
  return {};
}

/** An approval step's task: `lambda:invoke.waitForTaskToken` on the approval-request function. */
export function isApprovalTask(event: ReadableEvent): boolean {
  const details = detailsOf(event, 'taskScheduledEventDetails');
  if (!details?.resource?.endsWith('.waitForTaskToken')) return false;
  return details.parameters?.includes(`:function:${APPROVAL_REQUEST_FUNCTION}"`) ?? false;
}
