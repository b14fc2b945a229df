import type { StateVisit } from '../../../api/history/history-reader';
import { stateStatuses, statusOf } from '../../../web/src/graph/state-statuses';

const visit = (name: string, status: StateVisit['status'], extra: Partial<StateVisit> = {}): StateVisit => ({
  name,
  stateType: 'Task',
  enteredEventId: 1,
  status,
  retries: 0,
  failures: [],
  ...extra,
});

describe('stateStatuses', () => {
  it("shows the status that needs attention first across a Map's visits, and retried for a success after retries", () => {
    const summaries = stateStatuses([
      visit('Copy', 'succeeded'),
      visit('Copy', 'failed', { error: 'ChecksumMismatch', cause: 'row 7' }),
      visit('Copy', 'running'),
      visit('Charge', 'succeeded', { retries: 2, error: 'GatewayBusy' }),
      visit('Reserve', 'caught', { error: 'OutOfStock' }),
    ]);

    expect(summaries.get('Copy')).toEqual({ status: 'running', visits: 3, retries: 0, error: 'ChecksumMismatch', cause: 'row 7' });
    expect(summaries.get('Charge')).toEqual({ status: 'retried', visits: 1, retries: 2, error: 'GatewayBusy' });
    expect(statusOf(summaries, 'Reserve')).toBe('caught');
    expect(statusOf(summaries, 'Ship')).toBe('not-reached');
  });
});
