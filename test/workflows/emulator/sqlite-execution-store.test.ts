import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionRecord } from '../../../workflows/engine';
import { SqliteExecutionStore } from '../../../workflows/emulator';

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

describe('SqliteExecutionStore', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-sqlite-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps everything written across a reopen', () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putStateMachine({ arn: record.stateMachineArn, name: 'm', type: 'STANDARD', definition: '{}', roleArn: record.roleArn, createdAt: 1 });
    store.putExecution(record);
    store.appendEvents(record.arn, [{ key: 'r#0', event: { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted', details: { input: '{}' } } }]);
    store.putEffect(record.arn, 'r#1', { status: 'failed', error: 'E', cause: null });
    store.close();

    const reopened = new SqliteExecutionStore(dataDir);

    expect(reopened.getStateMachine(record.stateMachineArn)?.name).toBe('m');
    expect(reopened.listExecutions({ status: 'RUNNING' }).map((execution) => execution.arn)).toStrictEqual([record.arn]);
    expect(reopened.listEvents(record.arn)).toStrictEqual([{ key: 'r#0', event: { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted', details: { input: '{}' } } }]);
    expect(reopened.listEffects(record.arn).get('r#1')).toStrictEqual({ status: 'failed', error: 'E', cause: null });
    reopened.close();
  });

  it('reads its own buffered writes before they are flushed', () => {
    const store = new SqliteExecutionStore(dataDir);

    store.putExecution(record);
    store.putExecution({ ...record, status: 'SUCCEEDED' });

    expect(store.getExecution(record.arn)?.status).toBe('SUCCEEDED');
    store.close();
  });
});
