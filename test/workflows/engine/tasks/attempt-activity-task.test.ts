/** Activity Task states on the engine: workers take tasks with pollActivityTask and answer with sendTaskCallback. */
import { activityArnOf, settle } from '../../../../workflows/engine';
import { createEngineHarness, type EngineHarness } from '../../../helpers/engine-harness';

function createActivity(harness: EngineHarness, name: string): string {
  const arn = activityArnOf(harness.engine.account, name);
  harness.store.putActivity({ arn, name, createdAt: harness.clock.now() });
  return arn;
}

describe('Activity Task states', () => {
  it('runs one activity task per Map iteration, each with its own token', async () => {
    const harness = createEngineHarness();
    const activityArn = createActivity(harness, 'square');
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { StartAt: 'Square', States: { Square: { Type: 'Task', Resource: activityArn, End: true } } },
          End: true,
        },
      },
    };
    const executionArn = harness.start(harness.deploy(definition), { items: [2, 3, 4] });
    await settle();

    const tokens = new Set<string>();
    for (let taken = 0; taken < 3; taken++) {
      const task = await harness.engine.pollActivityTask(activityArn, `w${taken}`, 1_000);
      tokens.add(task!.taskToken);
      const n = JSON.parse(task!.input) as number;
      expect(
        harness.engine.sendTaskCallback(task!.taskToken, { kind: 'outcome', outcome: { status: 'succeeded', output: n * n } }).ok,
      ).toBe(true);
    }
    const record = await harness.finish(executionArn);

    expect(record).toMatchObject({ status: 'SUCCEEDED', output: '[4,9,16]' });
    expect(tokens.size).toBe(3);
    expect(harness.types(executionArn).filter((type) => type === 'ActivityStarted')).toHaveLength(3);
  });

  it('schedules a new task, with a new token, for each retry', async () => {
    const harness = createEngineHarness();
    const activityArn = createActivity(harness, 'flaky');
    const definition = {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: activityArn, Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 5 }], End: true } },
    };
    const executionArn = harness.start(harness.deploy(definition), { x: 1 });
    await settle();

    const first = await harness.engine.pollActivityTask(activityArn, undefined, 1_000);
    harness.engine.sendTaskCallback(first!.taskToken, {
      kind: 'outcome',
      outcome: { status: 'failed', error: 'Busy', cause: 'try later' },
    });
    await harness.clock.advance(5_000);
    const second = await harness.engine.pollActivityTask(activityArn, undefined, 1_000);
    harness.engine.sendTaskCallback(second!.taskToken, { kind: 'outcome', outcome: { status: 'succeeded', output: 'ok' } });
    const record = await harness.finish(executionArn);

    expect(second!.taskToken).not.toBe(first!.taskToken);
    expect(record).toMatchObject({ status: 'SUCCEEDED', output: '"ok"' });
    expect(harness.types(executionArn)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityFailed',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('answers a poll with no task when nothing is scheduled in time, and at once once closed', async () => {
    const harness = createEngineHarness();
    const activityArn = createActivity(harness, 'quiet');

    const idle = await harness.engine.pollActivityTask(activityArn, undefined, 10);
    const pending = harness.engine.pollActivityTask(activityArn, undefined, 60_000);
    await harness.engine.close();

    expect(idle).toBeUndefined();
    expect(await pending).toBeUndefined();
  });
});
