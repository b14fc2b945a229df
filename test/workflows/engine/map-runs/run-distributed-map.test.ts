import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

const ACCOUNT = 'arn:aws:states:us-east-1:123456789012';
const processor = (states: Record<string, unknown>, startAt: string, executionType = 'STANDARD') => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType },
  StartAt: startAt,
  States: states,
});
const keep = (executionType?: string) => processor({ Keep: { Type: 'Pass', End: true } }, 'Keep', executionType);

describe('distributed Map runs', () => {
  it('runs EXPRESS children under express ARNs of the labelled state machine', async () => {
    const harness = createEngineHarness();
    const machine = harness.deploy(
      { StartAt: 'M', States: { M: { Type: 'Map', Label: 'Fan', ItemProcessor: keep('EXPRESS'), End: true } } },
      'fast',
    );

    const arn = harness.start(machine, [1, 2]);
    const record = await harness.finish(arn);
    const children = harness.store.listExecutions().filter((each) => each.mapRunArn !== undefined);

    expect(outputOf(record)).toStrictEqual([1, 2]);
    expect(children.map((child) => child.type)).toStrictEqual(['EXPRESS', 'EXPRESS']);
    for (const child of children) expect(child.arn).toMatch(new RegExp(`^${ACCOUNT}:express:fast/Fan:[0-9a-f-]{36}:[0-9a-f-]{36}$`));
  });

  it('nests: a child execution runs its own distributed Map under its labelled name', async () => {
    const harness = createEngineHarness();
    const inner = { Type: 'Map', Label: 'Inner', ItemProcessor: keep(), End: true };
    const machine = harness.deploy(
      {
        StartAt: 'Outer',
        States: { Outer: { Type: 'Map', Label: 'Outer', ItemProcessor: processor({ Inner: inner }, 'Inner'), End: true } },
      },
      'nest',
    );

    const arn = harness.start(machine, [[1, 2], [3]]);
    const record = await harness.finish(arn);
    const grandchildren = harness.store.listExecutions().filter((each) => each.stateMachineName === 'nest/Outer/Inner');

    expect(outputOf(record)).toStrictEqual([[1, 2], [3]]);
    expect(grandchildren).toHaveLength(3);
    expect(harness.engine.mapRuns.list(arn)).toHaveLength(1);
  });

  it('starts a new Map Run for each attempt of a retried Map state', async () => {
    const harness = createEngineHarness();
    const failing = processor({ F: { Type: 'Fail', Error: 'Bad' } }, 'F');
    const retry = [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 1, IntervalSeconds: 1 }];
    const machine = harness.deploy({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: failing, Retry: retry, End: true } } });

    const arn = harness.start(machine, [1]);
    const record = await harness.finish(arn);
    const runs = harness.engine.mapRuns.list(arn);

    expect(record.error).toBe('States.ExceedToleratedFailureThreshold');
    expect(runs.map((run) => run.status)).toStrictEqual(['FAILED', 'FAILED']);
    expect(new Set(runs.map((run) => run.arn)).size).toBe(2);
  });

  it('counts an item whose ItemSelector fails as a failed item, without a child execution', async () => {
    const harness = createEngineHarness();
    const machine = harness.deploy({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ToleratedFailureCount: 1,
          ItemSelector: { 'half.$': 'States.MathAdd($$.Map.Item.Value.n, 1)' },
          ItemProcessor: keep(),
          End: true,
        },
      },
    });

    const arn = harness.start(machine, [{ n: 1 }, { n: 'x' }]);
    const record = await harness.finish(arn);
    const description = harness.engine.mapRuns.describe(harness.engine.mapRuns.list(arn)[0].arn);

    expect(record.status).toBe('SUCCEEDED');
    expect((outputOf(record) as unknown[])[1]).toMatchObject({ Error: 'States.IntrinsicFailure' });
    expect(description?.executionCounts).toMatchObject({ succeeded: 1, total: 1 });
    expect(description?.itemCounts).toMatchObject({ succeeded: 1, failed: 1, pending: 0, total: 2 });
  });

  it('counts a child stopped on its own as a failed item', async () => {
    const harness = createEngineHarness();
    const slow = processor({ W: { Type: 'Wait', Seconds: 10, End: true } }, 'W');
    const machine = harness.deploy({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: slow, End: true } } });
    const arn = harness.start(machine, [1]);
    await harness.clock.advance(1);
    const [child] = harness.store.listExecutions().filter((each) => each.mapRunArn !== undefined);

    await harness.engine.stopExecution(child.arn, 'Stopped', 'by hand');
    const record = await harness.finish(arn);

    expect(record.error).toBe('States.ExceedToleratedFailureThreshold');
    expect(harness.store.getExecution(child.arn)).toMatchObject({ status: 'ABORTED', error: 'Stopped' });
  });
});
