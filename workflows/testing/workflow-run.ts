/**
 * What a test run returns: how it ended, the path it took, what each state saw and did, and the
 * history as GetExecutionHistory shows it. `explain()` is the sentence a failing expectation prints.
 */
import type { ExecutionRecord, HistoryEvent } from '../engine';
import { wireHistoryEvent } from '../emulator/actions/history-action';
import { failureOf, stateVisits } from './history-states';

/** One state's last visit (and how many visits there were). */
export type StateReport = {
  input: unknown;
  output?: unknown;
  /** Task attempts in the last visit (1 without retries; 0 for states that call nothing). */
  attempts: number;
  /** How the last visit failed, if it ended failed (a retry that succeeded clears it; a Map or Parallel has its failed branch's error). */
  error?: string;
  cause?: string;
  /** How many times the run entered the state. */
  visits: number;
};

/** A finished test run. */
export type WorkflowRun<Output = unknown> = {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  output?: Output;
  error?: string;
  cause?: string;
  /** The states entered, in order (a state entered twice appears twice). */
  path: string[];
  /** Each state the run entered, by name. */
  states: Record<string, StateReport>;
  /** The execution's history, exactly as GetExecutionHistory returns it. */
  history: Record<string, unknown>[];
  /** The virtual time the run took, in milliseconds. */
  durationMs: number;
  /** The path and the failing state's error, as a failing expectation prints them. */
  explain(): string;
};

const ATTEMPT = /^(TaskScheduled|LambdaFunctionScheduled)$/;

/** Builds the run from the execution's record and history. */
export function workflowRun<Output>(record: ExecutionRecord, events: readonly HistoryEvent[]): WorkflowRun<Output> {
  const path: string[] = [];
  const states: Record<string, StateReport> = {};
  const visits = stateVisits(events);
  for (const visit of visits) {
    path.push(visit.name);
    const report: StateReport = {
      input: parsed((visit.events[0].details as { input?: string }).input),
      attempts: 0,
      visits: (states[visit.name]?.visits ?? 0) + 1,
    };
    for (const event of visit.events.slice(1)) {
      if (ATTEMPT.test(event.type)) report.attempts += 1;
      if (/StateExited$/.test(event.type)) report.output = parsed((event.details as { output?: string }).output);
    }
    const failure = failureOf(visit, visits);
    if (failure?.error !== undefined) report.error = failure.error;
    if (failure?.cause !== undefined) report.cause = failure.cause;
    states[visit.name] = report;
  }
  const status = record.status === 'RUNNING' || record.status === 'PENDING_REDRIVE' ? 'ABORTED' : record.status;
  const run: WorkflowRun<Output> = {
    status,
    ...(record.output === undefined ? {} : { output: parsed(record.output) as Output }),
    ...(record.error === undefined ? {} : { error: record.error }),
    ...(record.cause === undefined ? {} : { cause: record.cause }),
    path,
    states,
    history: events.map((event) => wireHistoryEvent(event)),
    durationMs: (record.stoppedAt ?? record.startedAt) - record.startedAt,
    explain: () => explanation(run),
  };
  return run;
}

function explanation(run: WorkflowRun<unknown>): string {
  const lines = [
    `The run ${run.status}${run.error ? ` with ${run.error}${run.cause ? `: ${readableCause(run.cause)}` : ''}` : ''}.`,
    `Path: ${run.path.join(' → ') || '(no state entered)'}`,
  ];
  const failing = [...run.path].reverse().find((name) => run.states[name].error !== undefined);
  if (failing) {
    const state = run.states[failing];
    lines.push(
      `'${failing}' failed with ${state.error}${state.cause ? `: ${readableCause(state.cause)}` : ''} (${state.attempts} attempt${state.attempts === 1 ? '' : 's'}).`,
    );
  }
  return lines.join('\n');
}

/** A Lambda failure's cause is `{ errorType, errorMessage, trace }`: its message is what a person reads. */
function readableCause(cause: string): string {
  const lambda = parsed(cause) as { errorMessage?: unknown } | undefined;
  return typeof lambda === 'object' && lambda !== null && typeof lambda.errorMessage === 'string' ? lambda.errorMessage : cause;
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
