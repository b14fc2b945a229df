import { MemoryExecutionStore, type ExecutionRecord } from '../../../../workflows/engine';

const record: ExecutionRecord = {
  arn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  stateMachineName: 'm',
  name: 'e',
  type: 'STANDARD',
  status: 'RUNNING',
  definition: '{}',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  input: '{}',
  startedAt: 0,
  redriveCount: 0,
};

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

    store.appendEvents(record.arn, [{ key: 'r#0', event: { id: 1, previousEventId: 0, timestamp: 0, type: 'ExecutionStarted' } }]);
    store.putEffect(record.arn, 'r#1', { status: 'succeeded', output: 1 });

    expect(store.listEvents(record.arn).map(({ key }) => key)).toStrictEqual(['r#0']);
    expect(store.listEffects(record.arn).get('r#1')).toStrictEqual({ status: 'succeeded', output: 1 });
    expect(store.listEvents('other')).toStrictEqual([]);
  });
});
