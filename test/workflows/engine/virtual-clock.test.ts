import { VirtualClock } from '../../../workflows/engine';

describe('VirtualClock', () => {
  it('fires timers in due order as time advances', async () => {
    const clock = new VirtualClock({ start: 0 });
    const fired: string[] = [];
    clock.setTimer(2000, () => fired.push('b'));
    clock.setTimer(1000, () => fired.push('a'));
    const cancelled = clock.setTimer(1500, () => fired.push('never'));

    cancelled.cancel();
    await clock.advance(1500);
    const midway = [...fired];
    await clock.advance(1000);

    expect(midway).toStrictEqual(['a']);
    expect(fired).toStrictEqual(['a', 'b']);
    expect(clock.now()).toBe(2500);
  });

  it('jumps to the next timer by itself when auto-advancing', async () => {
    const clock = new VirtualClock({ start: 0, autoAdvance: true });

    const firedAt = await new Promise<number>((resolve) => clock.setTimer(7 * 24 * 3600 * 1000, () => resolve(clock.now())));

    expect(firedAt).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('VirtualClock driving an engine with --fast-time semantics', () => {
  it('skips a day-long Wait but not the real time a task handler takes', async () => {
    const { Engine, MemoryExecutionStore, stateMachineArnOf } = await import('../../../workflows/engine');
    let engine: InstanceType<typeof Engine> | undefined;
    const clock = new VirtualClock({ autoAdvance: true, isIdle: () => (engine?.tasksInFlight ?? 0) === 0 });
    const store = new MemoryExecutionStore();
    engine = new Engine({ store, clock, taskHandlers: { slow: () => new Promise((resolve) => setTimeout(() => resolve('done'), 30)) } });
    const arn = stateMachineArnOf(engine.account, 'fast');
    const definition = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 86_400, Next: 'T' },
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'slow' },
          TimeoutSeconds: 5,
          OutputPath: '$.Payload',
          End: true,
        },
      },
    };
    store.putStateMachine({
      arn,
      name: 'fast',
      type: 'STANDARD',
      definition: JSON.stringify(definition),
      roleArn: 'arn:aws:iam::123456789012:role/r',
      createdAt: 0,
    });

    const started = engine.startExecution({ stateMachineArn: arn });
    const record = await engine.waitForExecution(started.ok ? started.value.record.arn : '');

    expect([record.status, record.output]).toStrictEqual(['SUCCEEDED', '"done"']);
    expect(record.stoppedAt! - record.startedAt).toBeGreaterThanOrEqual(86_400_000);
  });
});
