import { MemoryExecutionStore } from '../../../../workflows/engine';
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
});
