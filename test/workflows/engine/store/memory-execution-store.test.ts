import { MemoryExecutionStore, NOT_TRUNCATED, type HistoryEvent, type StoredEvent } from '../../../../workflows/engine';
import { executionRecord } from '../../../helpers/execution-record';

const record = executionRecord();

describe('MemoryExecutionStore', () => {
  it('filters executions by state machine and status and returns copies', () => {
    const store = new MemoryExecutionStore();
    store.putExecution(record);
    store.putExecution({ ...record, arn: `${record.arn}2`, status: 'SUCCEEDED' });

    const running = store.listExecutions({ status: 'RUNNING' });
    running[0].status = 'FAILED';

    expect(store.listExecutions({ stateMachineArn: record.stateMachineArn })).toHaveLength(2);
    expect(store.getExecution(record.arn)?.status).toBe('RUNNING');
  });

  it('appends events and effects per execution', () => {
    const store = new MemoryExecutionStore();

    store.appendEvent(record.arn, 'r#0', { id: 1, previousEventId: 0, timestamp: 0, type: 'ExecutionStarted' });
    store.putEffect(record.arn, 'r#1', { status: 'succeeded', output: 1 });

    expect(store.listEvents(record.arn).map(({ key }) => key)).toStrictEqual(['r#0']);
    expect(store.listEffects(record.arn).get('r#1')).toStrictEqual({ status: 'succeeded', output: 1 });
    expect(store.listEvents('other')).toStrictEqual([]);
  });

  it('gives back a long history exactly as appended, whether kept as text or not yet', () => {
    const store = new MemoryExecutionStore();
    const appended: StoredEvent[] = [];
    const detailsOf = (id: number): HistoryEvent['details'] => {
      if (id % 5 === 0) return undefined;
      if (id % 5 === 1) return { name: `S${id}`, input: `{"n":${id}}`, inputDetails: NOT_TRUNCATED };
      if (id % 5 === 2) return { name: `S${id}`, output: '"x"', outputDetails: { truncated: true }, assignedVariables: { a: '1' } };
      if (id % 5 === 3) return { error: 'E', cause: 'quote " and \\ backslash', output: '{}', outputDetails: { truncated: false } };
      return { index: id, name: 'Map' };
    };
    for (let id = 1; id <= 700; id++) {
      const event: HistoryEvent = {
        id,
        previousEventId: id % 7 === 0 ? id - 3 : id - 1,
        timestamp: 1_000 + id * 3,
        type: id % 2 ? 'PassStateEntered' : 'PassStateExited',
      };
      const details = detailsOf(id);
      if (details) event.details = details;
      const key = `r/4.${id % 10}#${id}`;
      store.appendEvent(record.arn, key, event);
      appended.push({ key, event: structuredClone(event) });
    }

    expect(store.listEvents(record.arn)).toStrictEqual(appended);
  });
});
