import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, SqliteExecutionStore } from '../../../workflows/emulator';
import { eventually } from '../../helpers/eventually';
import { executionRecord } from '../../helpers/execution-record';

const record = executionRecord();

describe('SqliteExecutionStore', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-sqlite-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps everything written across a reopen', () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putStateMachine({
      arn: record.stateMachineArn,
      name: 'm',
      type: 'STANDARD',
      definition: '{}',
      roleArn: record.roleArn,
      createdAt: 1,
    });
    store.putExecution(record);
    store.appendEvent(record.arn, 'r#0', { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted', details: { input: '{}' } });
    store.putEffect(record.arn, 'r#1', { status: 'failed', error: 'E', cause: null });
    store.close();

    const reopened = new SqliteExecutionStore(dataDir);

    expect(reopened.getStateMachine(record.stateMachineArn)?.name).toBe('m');
    expect(reopened.listExecutions({ status: 'RUNNING' }).map((execution) => execution.arn)).toStrictEqual([record.arn]);
    expect(reopened.listEvents(record.arn)).toStrictEqual([
      { key: 'r#0', event: { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted', details: { input: '{}' } } },
    ]);
    expect(reopened.listEffects(record.arn).get('r#1')).toStrictEqual({ status: 'failed', error: 'E', cause: null });
    reopened.close();
  });

  it('commits buffered writes by itself soon after, in one transaction', async () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putExecution(record);
    store.flush();
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const committedEvents = (): number => (reader.prepare('SELECT COUNT(*) AS count FROM event_batches').get() as { count: number }).count;

    store.appendEvent(record.arn, 'r#0', { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted' });
    store.appendEvent(record.arn, 'r#1', { id: 2, previousEventId: 1, timestamp: 6, type: 'PassStateEntered' });
    const before = committedEvents();

    expect(before).toBe(0);
    expect(await eventually(() => committedEvents() === 1, { timeout: 1000, what: 'the group commit' })).toBe(true);
    reader.close();
    store.close();
  });

  it('reads its own buffered writes before they are flushed', () => {
    const store = new SqliteExecutionStore(dataDir);

    store.putExecution(record);
    store.putExecution({ ...record, status: 'SUCCEEDED' });

    expect(store.getExecution(record.arn)?.status).toBe('SUCCEEDED');
    store.close();
  });

  it('returns events appended over several commits in order, with and without details', () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putExecution(record);
    store.appendEvent(record.arn, 'r#0', {
      id: 1,
      previousEventId: 0,
      timestamp: 5,
      type: 'ExecutionStarted',
      details: { input: '{"a":"\\"q\\""}' },
    });
    store.flush();
    store.appendEvent(record.arn, 'r#1', {
      id: 2,
      previousEventId: 1,
      timestamp: 6,
      type: 'PassStateEntered',
      details: { name: 'P', input: '{}', inputDetails: { truncated: false } },
    });
    store.appendEvent(record.arn, 'r/1.0#0', { id: 3, previousEventId: 2, timestamp: 7, type: 'ParallelStateStarted' });
    store.appendEvent(record.arn, 'r/1.0#1', {
      id: 5,
      previousEventId: 3,
      timestamp: 9,
      type: 'PassStateExited',
      details: { name: 'Q', output: '[]', outputDetails: { truncated: true } },
    });
    store.close();

    const reopened = new SqliteExecutionStore(dataDir);

    expect(reopened.listEvents(record.arn)).toStrictEqual([
      { key: 'r#0', event: { id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted', details: { input: '{"a":"\\"q\\""}' } } },
      {
        key: 'r#1',
        event: {
          id: 2,
          previousEventId: 1,
          timestamp: 6,
          type: 'PassStateEntered',
          details: { name: 'P', input: '{}', inputDetails: { truncated: false } },
        },
      },
      { key: 'r/1.0#0', event: { id: 3, previousEventId: 2, timestamp: 7, type: 'ParallelStateStarted' } },
      {
        key: 'r/1.0#1',
        event: {
          id: 5,
          previousEventId: 3,
          timestamp: 9,
          type: 'PassStateExited',
          details: { name: 'Q', output: '[]', outputDetails: { truncated: true } },
        },
      },
    ]);
    reopened.close();
  });

  it('reads event batches written in the first batch format', () => {
    new SqliteExecutionStore(dataDir).close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO executions (seq, arn, state_machine_arn, status, body) VALUES (1, ?, ?, ?, ?)').run(
      record.arn,
      record.stateMachineArn,
      'RUNNING',
      JSON.stringify(record),
    );
    const firstFormat = [
      ['r#0', 1, 0, 5, 'ExecutionStarted', { input: '{}', inputDetails: { truncated: false } }],
      ['r#1', 2, 1, 6, 'PassStateEntered'],
    ];
    db.prepare('INSERT INTO event_batches (exec, first_id, body) VALUES (1, 1, ?)').run(JSON.stringify(firstFormat));
    db.close();
    const store = new SqliteExecutionStore(dataDir);
    store.appendEvent(record.arn, 'r#2', {
      id: 3,
      previousEventId: 2,
      timestamp: 7,
      type: 'PassStateExited',
      details: { name: 'P', output: '{}', outputDetails: { truncated: false } },
    });

    expect(store.listEvents(record.arn)).toStrictEqual([
      {
        key: 'r#0',
        event: {
          id: 1,
          previousEventId: 0,
          timestamp: 5,
          type: 'ExecutionStarted',
          details: { input: '{}', inputDetails: { truncated: false } },
        },
      },
      { key: 'r#1', event: { id: 2, previousEventId: 1, timestamp: 6, type: 'PassStateEntered' } },
      {
        key: 'r#2',
        event: {
          id: 3,
          previousEventId: 2,
          timestamp: 7,
          type: 'PassStateExited',
          details: { name: 'P', output: '{}', outputDetails: { truncated: false } },
        },
      },
    ]);
    store.close();
  });

  it('stores a definition once for all the executions that run it', () => {
    const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const store = new SqliteExecutionStore(dataDir);
    for (const name of ['a', 'b', 'c']) store.putExecution({ ...record, arn: `${record.arn}-${name}`, name, definition });
    store.putExecution({ ...record, arn: `${record.arn}-a`, name: 'a', definition, status: 'SUCCEEDED' });
    store.close();
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const definitions = db.prepare('SELECT COUNT(*) AS count FROM definitions').get();
    db.close();

    const reopened = new SqliteExecutionStore(dataDir);

    expect(definitions).toStrictEqual({ count: 1 });
    expect(reopened.listExecutions().map((execution) => [execution.name, execution.status, execution.definition])).toStrictEqual([
      ['a', 'SUCCEEDED', definition],
      ['b', 'RUNNING', definition],
      ['c', 'RUNNING', definition],
    ]);
    reopened.close();
  });

  it('reads executions and events written one row per event, with the definition inline', () => {
    new SqliteExecutionStore(dataDir).close();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO executions (seq, arn, state_machine_arn, status, body) VALUES (1, ?, ?, ?, ?)').run(
      record.arn,
      record.stateMachineArn,
      'RUNNING',
      JSON.stringify({ ...record, definition: '{"old":true}' }),
    );
    db.prepare('INSERT INTO events (exec, id, key, body) VALUES (1, 1, ?, ?)').run(
      'r#0',
      JSON.stringify({ id: 1, previousEventId: 0, timestamp: 5, type: 'ExecutionStarted' }),
    );
    db.close();
    const store = new SqliteExecutionStore(dataDir);
    store.appendEvent(record.arn, 'r#1', { id: 2, previousEventId: 1, timestamp: 6, type: 'ExecutionSucceeded' });
    store.putExecution({ ...store.getExecution(record.arn)!, status: 'SUCCEEDED' });
    store.close();

    const reopened = new SqliteExecutionStore(dataDir);

    expect(reopened.getExecution(record.arn)).toStrictEqual({ ...record, definition: '{"old":true}', status: 'SUCCEEDED' });
    expect(reopened.listEvents(record.arn).map(({ key, event }) => [key, event.type])).toStrictEqual([
      ['r#0', 'ExecutionStarted'],
      ['r#1', 'ExecutionSucceeded'],
    ]);
    reopened.close();
  });
});
