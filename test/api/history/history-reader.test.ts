import { readHistory, type ReadableEvent } from '../../../api/history/history-reader';
import { toApiEvent } from '../../../api/runs/to-api-event';
import type { HistoryEvent as SdkHistoryEvent } from '@aws-sdk/client-sfn';
import { detailsKeyFor, settle, type HistoryEvent } from '../../../workflows/engine';
import { createEngineHarness } from '../../helpers/engine-harness';

/** Engine events as GetExecutionHistory returns them (details under `…EventDetails`). */
const asApi = (events: readonly HistoryEvent[]): ReadableEvent[] =>
  events.map((event) => ({
    id: event.id,
    previousEventId: event.previousEventId,
    type: event.type,
    timestamp: new Date(event.timestamp),
    ...(event.details ? { [detailsKeyFor(event.type)]: event.details } : {}),
  }));

const lambda = (name: string, extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: name, 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...extra,
});

describe('HistoryReader', () => {
  it('counts a retry and keeps the failure it recovered from', async () => {
    let calls = 0;
    const harness = createEngineHarness({
      handlers: { flaky: () => (++calls === 1 ? Promise.reject(Object.assign(new Error('busy'), { name: 'GatewayBusy' })) : {}) },
    });
    const { events } = await harness.run({
      StartAt: 'Charge',
      States: { Charge: lambda('flaky', { Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2 }], End: true }) },
    });

    const reader = readHistory(asApi(events));

    expect(reader.visits).toEqual([
      expect.objectContaining({
        name: 'Charge',
        stateType: 'Task',
        status: 'succeeded',
        retries: 1,
        error: 'GatewayBusy',
        failures: [expect.objectContaining({ error: 'GatewayBusy' })],
      }),
    ]);
    expect(JSON.parse(reader.visits[0].output ?? 'null')).toEqual({});
    expect(reader.closedAs).toBe('SUCCEEDED');
  });

  it('marks a caught failure as caught and the catch path as visited', async () => {
    const harness = createEngineHarness({
      handlers: { broken: () => Promise.reject(Object.assign(new Error('no stock'), { name: 'OutOfStock' })) },
    });
    const { events } = await harness.run({
      StartAt: 'Reserve',
      States: {
        Reserve: lambda('broken', { Catch: [{ ErrorEquals: ['OutOfStock'], ResultPath: '$.error', Next: 'Apologise' }], End: true }),
        Apologise: { Type: 'Pass', End: true },
      },
    });

    const reader = readHistory(asApi(events));

    expect(reader.visits.map((visit) => [visit.name, visit.status, visit.error])).toEqual([
      ['Reserve', 'caught', 'OutOfStock'],
      ['Apologise', 'succeeded', undefined],
    ]);
    const fromRestApi = readHistory(
      asApi(events).map((event) => toApiEvent({ ...event, timestamp: new Date(event.timestamp ?? 0) } as SdkHistoryEvent)),
    );
    expect(fromRestApi.visits).toEqual(reader.visits);
  });

  it('fails the open state with the run, and a Fail state with its error', async () => {
    const harness = createEngineHarness({
      handlers: { broken: () => Promise.reject(Object.assign(new Error('declined'), { name: 'PaymentDeclined' })) },
    });
    const uncaught = await harness.run({ StartAt: 'Charge', States: { Charge: lambda('broken', { End: true }) } });
    const failState = await harness.run({ StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Rejected', Cause: 'no' } } });

    const charge = readHistory(asApi(uncaught.events));
    const stop = readHistory(asApi(failState.events));

    expect(charge.visits).toEqual([expect.objectContaining({ name: 'Charge', status: 'failed', error: 'PaymentDeclined' })]);
    expect(charge.closedAs).toBe('FAILED');
    expect(stop.visits).toEqual([expect.objectContaining({ name: 'Stop', stateType: 'Fail', status: 'failed' })]);
  });

  it('closes a Parallel by its own exit, though its events follow the branches', async () => {
    const harness = createEngineHarness({ handlers: { ok: () => ({}) } });
    const { events } = await harness.run({
      StartAt: 'Checks',
      States: {
        Checks: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Lint', States: { Lint: lambda('ok', { End: true }) } },
            { StartAt: 'Test', States: { Test: lambda('ok', { End: true }) } },
          ],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    });

    const reader = readHistory(asApi(events));

    expect(reader.visits.map((visit) => [visit.name, visit.status])).toEqual(
      expect.arrayContaining([
        ['Checks', 'succeeded'],
        ['Lint', 'succeeded'],
        ['Test', 'succeeded'],
        ['Done', 'succeeded'],
      ]),
    );
    expect(reader.currentStates()).toEqual([]);
  });

  it('reports an approval task waiting for its token, and the state running again once it ends', async () => {
    const harness = createEngineHarness({ handlers: { 'approval-request': () => ({}) } });
    const arn = harness.start(
      harness.deploy({
        StartAt: 'Approve',
        States: {
          Approve: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:approval-request', 'Payload.$': '$' },
            End: true,
          },
        },
      }),
    );
    await settle();

    const history = harness.engine.history(arn);
    const reader = readHistory(asApi(history));
    const waiting = { states: reader.waitingForApproval(), status: reader.visits[0].status };
    const changes = reader.apply({ id: 99, previousEventId: history[history.length - 1].id, type: 'TaskSucceeded' });

    expect(waiting).toEqual({ states: ['Approve'], status: 'waiting-for-approval' });
    expect(reader.currentStates()).toEqual(['Approve']);
    expect(reader.waitingForApproval()).toEqual([]);
    expect(changes).toEqual([{ kind: 'approval', waiting: false, visit: expect.objectContaining({ name: 'Approve', status: 'running' }) }]);
  });
});
