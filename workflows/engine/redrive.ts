/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED standard execution runs again from the state
 * that did not finish. The journal is replayed up to that state's entry (the "cut"); from there
 * every key belongs to a new generation, so the state runs live and its new events are appended
 * after ExecutionRedriven. https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html
 */
import type { ExecutionRecord, StoredEvent } from './execution-store';

/** Root positions look like `r#12` or, after redrives, `g2:r#12`. */
const ROOT_KEY = /^(?:g\d+:)?r#(\d+)$/;

/** The root position at which the last unfinished top-level state was entered. */
export function redriveCut(events: StoredEvent[]): number {
  let cut = 1;
  let lastId = -1;
  for (const { key, event } of events) {
    const match = ROOT_KEY.exec(key);
    if (match && event.type.endsWith('StateEntered') && event.id > lastId) {
      cut = Number(match[1]);
      lastId = event.id;
    }
  }
  return cut;
}

/** The record of `record` once redriven at `now` from `cut`. */
export function redrivenRecord(record: ExecutionRecord, cut: number, now: number): ExecutionRecord {
  const { stoppedAt: _stoppedAt, output: _output, error: _error, cause: _cause, ...rest } = record;
  return {
    ...rest,
    status: 'RUNNING',
    redriveCount: record.redriveCount + 1,
    redrivedAt: now,
    redriveCuts: [...(record.redriveCuts ?? []), cut],
  };
}
