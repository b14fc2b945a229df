import { LiveHub } from '../../../api/live/live-hub';
import type { LiveEvent, LiveEventInput } from '../../../api/live/live-event';
import { toStatusChangeEvent } from '../../../api/live/status-change-event';

const event = (runId: string, workflow = 'orders'): LiveEventInput => ({
  type: 'state.entered',
  runId,
  workflow,
  time: '2024-01-01T00:00:00.000Z',
  data: { name: 'A' },
});
const everyone = () => true;
const notPayroll = (workflow: string) => workflow !== 'payroll';

describe('LiveHub', () => {
  it('delivers events only to connections whose topics match, once each', () => {
    const hub = new LiveHub();
    const all: LiveEvent[] = [];
    const orders: LiveEvent[] = [];
    const run: LiveEvent[] = [];
    const a = hub.connect((e) => all.push(e), everyone);
    a.subscribe({ kind: 'all' });
    a.subscribe({ kind: 'run', runId: 'r1' });
    hub.connect((e) => orders.push(e), everyone).subscribe({ kind: 'workflow', workflow: 'orders' });
    hub.connect((e) => run.push(e), everyone).subscribe({ kind: 'run', runId: 'r2' });

    hub.publish(event('r1'));
    hub.publish(event('r2', 'billing'));

    expect(all.map((e) => e.runId)).toStrictEqual(['r1', 'r2']);
    expect(orders.map((e) => e.runId)).toStrictEqual(['r1']);
    expect(run.map((e) => e.seq)).toStrictEqual([2]);
  });

  it('replays the events after `since` for the subscribed run', () => {
    const hub = new LiveHub();
    hub.publish(event('r1'));
    hub.publish(event('r2'));
    hub.publish(event('r1'));
    hub.publish(event('r1'));

    const replay = hub.connect(() => {}, everyone).subscribe({ kind: 'run', runId: 'r1' }, 1);

    expect(replay.events.map((e) => e.seq)).toStrictEqual([3, 4]);
    expect(replay.truncated).toBe(false);
  });

  it('keeps at most perRun events per run and reports a truncated replay', () => {
    const hub = new LiveHub({ perRun: 2 });
    for (let i = 0; i < 5; i++) hub.publish(event('r1'));

    const replay = hub.connect(() => {}, everyone).subscribe({ kind: 'run', runId: 'r1' }, 0);

    expect(replay.events.map((e) => e.seq)).toStrictEqual([4, 5]);
    expect(replay.truncated).toBe(true);
  });

  it('evicts the quietest run past maxRuns', () => {
    const hub = new LiveHub({ maxRuns: 2 });
    hub.publish(event('r1'));
    hub.publish(event('r2'));
    hub.publish(event('r3'));

    const connection = hub.connect(() => {}, everyone);

    expect(connection.subscribe({ kind: 'run', runId: 'r1' }, 0).events).toStrictEqual([]);
    expect(connection.subscribe({ kind: 'all' }, 0)).toStrictEqual({ events: expect.any(Array), truncated: true });
  });

  it('stops delivering after unsubscribe and close', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    const connection = hub.connect((e) => got.push(e), everyone);
    connection.subscribe({ kind: 'all' });

    connection.unsubscribe({ kind: 'all' });
    hub.publish(event('r1'));
    connection.subscribe({ kind: 'all' });
    connection.close();
    hub.publish(event('r1'));

    expect(got).toStrictEqual([]);
  });

  it('maps status changes to run messages and watches running runs of subscribed topics', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    hub.connect((e) => got.push(e), everyone).subscribe({ kind: 'workflow', workflow: 'orders' });
    const record = {
      arn: 'arn:aws:states:us-east-1:123456789012:execution:orders:r1',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:orders',
      name: 'r1',
      input: '{}',
      startedAt: 0,
    };

    hub.publishStatusChange(toStatusChangeEvent({ ...record, status: 'RUNNING' }));
    hub.publishStatusChange(
      toStatusChangeEvent({
        ...record,
        arn: record.arn.replace(':orders:', ':billing:'),
        stateMachineArn: record.stateMachineArn.replace(':orders', ':billing'),
        name: 'r2',
        status: 'RUNNING',
      }),
    );
    const watched = hub.watchedRuns();
    const one = [hub.watchedRun('r1'), hub.watchedRun('r2')];
    hub.publishStatusChange(toStatusChangeEvent({ ...record, status: 'FAILED', stoppedAt: 5, error: 'E', cause: 'C' }));

    expect(watched).toStrictEqual([expect.objectContaining({ runId: 'r1', executionArn: record.arn })]);
    expect(one).toStrictEqual([watched[0], undefined]);
    expect(hub.watchedRuns()).toStrictEqual([]);
    expect(hub.watchedRun('r1')).toBeUndefined();
    expect(got.map((e) => [e.type, e.workflow, e.data.status])).toStrictEqual([
      ['run.started', 'orders', 'RUNNING'],
      ['run.failed', 'orders', 'FAILED'],
    ]);
  });

  it('publishes approvals without task tokens', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    hub.connect((e) => got.push(e), everyone).subscribe({ kind: 'run', runId: 'r1' });

    hub.publishApproval('approval.requested', {
      approvalId: 'a1',
      runId: 'r1',
      workflow: 'orders',
      details: { taskToken: 'secret', message: 'ok?' },
    });

    expect(got[0]).toMatchObject({ type: 'approval.requested', data: { approvalId: 'a1', message: 'ok?' } });
    expect(JSON.stringify(got)).not.toContain('secret');
  });

  it('delivers only the events of workflows the connection may read, asking on every event', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    let readable = notPayroll;
    const connection = hub.connect(
      (e) => got.push(e),
      (workflow) => readable(workflow),
    );
    connection.subscribe({ kind: 'all' });
    connection.subscribe({ kind: 'run', runId: 'p1' });

    hub.publish(event('p1', 'payroll'));
    hub.publish(event('o1'));
    readable = everyone;
    hub.publish(event('p1', 'payroll'));

    expect(got.map((e) => [e.runId, e.seq])).toStrictEqual([
      ['o1', 2],
      ['p1', 3],
    ]);
  });

  it('replays only the events of workflows the connection may read', () => {
    const hub = new LiveHub();
    hub.publish(event('p1', 'payroll'));
    hub.publish(event('o1'));
    hub.publish(event('p1', 'payroll'));

    const connection = hub.connect(() => {}, notPayroll);

    expect(connection.subscribe({ kind: 'all' }, 0).events.map((e) => e.seq)).toStrictEqual([2]);
    expect(connection.subscribe({ kind: 'run', runId: 'p1' }, 0).events).toStrictEqual([]);
  });

  it('watches no running run for connections that may not read it', () => {
    const hub = new LiveHub();
    const record = {
      arn: 'arn:aws:states:us-east-1:123456789012:execution:payroll:p1',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:payroll',
      name: 'p1',
      input: '{}',
      startedAt: 0,
    };
    hub.publishStatusChange(toStatusChangeEvent({ ...record, status: 'RUNNING' }));

    hub.connect(() => {}, notPayroll).subscribe({ kind: 'all' });
    const unreadable = [hub.watchedRuns(), hub.watchedRun('p1')];
    hub.connect(() => {}, everyone).subscribe({ kind: 'workflow', workflow: 'payroll' });

    expect(unreadable).toStrictEqual([[], undefined]);
    expect(hub.watchedRuns()).toStrictEqual([expect.objectContaining({ runId: 'p1' })]);
  });

  it('publishes approval.cancelled', () => {
    const hub = new LiveHub();
    const got: LiveEvent[] = [];
    hub.connect((e) => got.push(e), everyone).subscribe({ kind: 'run', runId: 'r1' });

    hub.publishApproval('approval.cancelled', {
      approvalId: 'a1',
      runId: 'r1',
      workflow: 'orders',
      stateName: 'Approve',
      details: { status: 'cancelled', reason: 'ABORTED' },
    });

    expect(got).toStrictEqual([
      {
        type: 'approval.cancelled',
        seq: 1,
        runId: 'r1',
        workflow: 'orders',
        time: expect.any(String),
        data: { status: 'cancelled', reason: 'ABORTED', approvalId: 'a1', stateName: 'Approve' },
      },
    ]);
  });
});
