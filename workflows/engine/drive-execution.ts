/**
 * Runs an execution from ExecutionStarted to its closing event (Succeeded, Failed, TimedOut,
 * Aborted), live or replaying its journal, and writes the closing status to the store.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
import type { JsonValue } from '../asl';
import type { TimerHandle } from './clock';
import { ExecutionInterrupted, StatesError } from './errors';
import type { ExecutionRun } from './execution-run';
import type { ExecutionRecord, ExecutionStore } from './execution-store';
import { NOT_TRUNCATED } from './history-event';
import { toJsonText } from './json-text';
import { runBranch } from './run-branch';

/** How an execution closed; `undefined` when it was left running (engine shutdown). */
export type ExecutionClosing = Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>;

function failureDetails(error: string, cause: string): Record<string, string> {
  const details: Record<string, string> = {};
  if (error) details.error = error;
  if (cause) details.cause = cause;
  return details;
}

function close(run: ExecutionRun, thrown: unknown, stopRequest: { error?: string; cause?: string }): ExecutionClosing | undefined {
  const root = run.root;
  if (thrown instanceof ExecutionInterrupted) {
    if (thrown.reason === 'engine-closed') return undefined;
    if (thrown.reason === 'timed-out') {
      root.emitFinal('ExecutionTimedOut', failureDetails('States.Timeout', ''));
      return { status: 'TIMED_OUT', error: 'States.Timeout' };
    }
    root.emitFinal('ExecutionAborted', failureDetails(stopRequest.error ?? '', stopRequest.cause ?? ''));
    return { status: 'ABORTED', error: stopRequest.error, cause: stopRequest.cause };
  }
  const error = thrown instanceof StatesError ? thrown.code : 'States.Runtime';
  const cause = thrown instanceof StatesError ? thrown.details : thrown instanceof Error ? thrown.message : String(thrown);
  if (!(thrown instanceof StatesError))
    run.services.logger.error('execution crashed', { executionArn: run.record.arn, error: String(thrown) });
  root.emitFinal('ExecutionFailed', failureDetails(error, cause));
  return { status: 'FAILED', error: error || undefined, cause: cause || undefined };
}

/** Options of one drive: what StopExecution asked for (error, cause). */
export type DriveOptions = { stopRequest(): { error?: string; cause?: string } };

/** Interprets `run` to its end and stores the result; resolves to the final record. */
export async function driveExecution(run: ExecutionRun, store: ExecutionStore, options: DriveOptions): Promise<ExecutionRecord> {
  const { record, definition, services } = run;
  run.root.emit('ExecutionStarted', {
    input: record.input,
    inputDetails: NOT_TRUNCATED,
    roleArn: record.roleArn,
  });
  let timer: TimerHandle | undefined;
  if (definition.TimeoutSeconds !== undefined) {
    const startedAt = record.redrivedAt ?? record.startedAt;
    timer = services.clock.setTimer(startedAt + definition.TimeoutSeconds * 1000, () => run.interrupt('timed-out'));
  }
  let closing: ExecutionClosing | undefined;
  try {
    // The input as parsed for `$$.Execution.Input`: values are never changed, so the first state may share it.
    const output: JsonValue = await runBranch(definition, run.executionContext.Input, run.root, definition.QueryLanguage ?? 'JSONPath');
    const text = toJsonText(output);
    run.root.emitFinal('ExecutionSucceeded', { output: text, outputDetails: NOT_TRUNCATED });
    closing = { status: 'SUCCEEDED', output: text };
  } catch (thrown) {
    closing = close(
      run,
      run.controller.signal.aborted && !(thrown instanceof ExecutionInterrupted) ? run.controller.signal.reason : thrown,
      options.stopRequest(),
    );
  } finally {
    timer?.cancel();
  }
  if (!closing) return record;
  const finished: ExecutionRecord = { ...(store.getExecution(record.arn) ?? record), ...closing, stoppedAt: services.clock.now() };
  store.putExecution(finished);
  store.flush();
  return finished;
}
