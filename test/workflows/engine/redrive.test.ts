import type { TaskHandler } from '../../../workflows/engine';
import { createEngineHarness, outputOf } from '../../helpers/engine-harness';

describe('RedriveExecution', () => {
  it('re-runs the failed state only, keeping what succeeded before it', async () => {
    const calls: string[] = [];
    let healthy = false;
    const handlers: Record<string, TaskHandler> = {
      first: () => {
        calls.push('first');
        return 1;
      },
      second: () => {
        calls.push('second');
        if (!healthy) throw new Error('down');
        return 2;
      },
    };
    const harness = createEngineHarness({ handlers });
    const task = (name: string) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: name },
      OutputPath: '$.Payload',
    });
    const arn = harness.start(
      harness.deploy({ StartAt: 'A', States: { A: { ...task('first'), Next: 'B' }, B: { ...task('second'), End: true } } }),
    );
    const failed = await harness.finish(arn);
    healthy = true;

    const redriven = harness.engine.redriveExecution(arn);
    const record = await harness.finish(arn);

    expect(failed.status).toBe('FAILED');
    expect(redriven.ok).toBe(true);
    expect([record.status, outputOf(record), record.redriveCount]).toStrictEqual(['SUCCEEDED', 2, 1]);
    expect(calls).toStrictEqual(['first', 'second', 'second']);
    const types = harness.types(arn);
    expect(types.slice(types.indexOf('ExecutionFailed'))).toStrictEqual([
      'ExecutionFailed',
      'ExecutionRedriven',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const ids = harness.engine.history(arn).map((event) => event.id);
    expect(ids).toStrictEqual(ids.map((_, index) => index + 1));
  });

  it('refuses executions that succeeded', async () => {
    const harness = createEngineHarness();
    const { record } = await harness.run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

    expect(harness.engine.redriveExecution(record.arn)).toMatchObject({ ok: false, code: 'ExecutionNotRedrivable' });
  });
});
