import { createEngineHarness, outputOf } from '../../helpers/engine-harness';

const waitThenPass = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, Next: 'P' }, P: { Type: 'Pass', End: true } } };

describe('Engine', () => {
  it('starts idempotently by name while running with the same input, and refuses a different input', () => {
    const harness = createEngineHarness();
    const machine = harness.deploy(waitThenPass);

    const first = harness.engine.startExecution({ stateMachineArn: machine, name: 'once', input: '{"a":1}' });
    const same = harness.engine.startExecution({ stateMachineArn: machine, name: 'once', input: '{"a":1}' });
    const different = harness.engine.startExecution({ stateMachineArn: machine, name: 'once', input: '{"a":2}' });

    expect(first.ok && same.ok && same.value.record.arn === first.value.record.arn && !same.value.created).toBe(true);
    expect(different).toMatchObject({ ok: false, code: 'ExecutionAlreadyExists' });
  });

  it.each([
    ['a missing state machine', { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:nope' }, 'StateMachineDoesNotExist'],
    ['input that is not JSON', { input: '{bad' }, 'InvalidExecutionInput'],
    ['a name with a space', { name: 'a b' }, 'InvalidName'],
  ])('refuses %s', (_label, request, code) => {
    const harness = createEngineHarness();
    const machine = harness.deploy(waitThenPass);

    const result = harness.engine.startExecution({ stateMachineArn: machine, ...request });

    expect(result).toMatchObject({ ok: false, code });
  });

  it('aborts a running execution on stop, with the given error and cause', async () => {
    const harness = createEngineHarness();
    const arn = harness.start(harness.deploy(waitThenPass));
    await harness.clock.advance(1000);

    await harness.engine.stopExecution(arn, 'Cancelled', 'by operator');
    const record = await harness.finish(arn);

    expect([record.status, record.error, record.cause]).toStrictEqual(['ABORTED', 'Cancelled', 'by operator']);
    expect(harness.types(arn)).toStrictEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateAborted', 'ExecutionAborted']);
  });

  it('records the abort of a running Map iteration and of the Map itself', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }, End: true } },
    };
    const arn = harness.start(harness.deploy(definition), [1]);
    await harness.clock.advance(1000);

    await harness.engine.stopExecution(arn);
    await harness.finish(arn);

    expect(harness.types(arn).slice(-4)).toStrictEqual(['WaitStateAborted', 'MapIterationAborted', 'MapStateAborted', 'ExecutionAborted']);
    const ids = harness.engine.history(arn).map((event) => event.id);
    expect(ids).toStrictEqual(ids.map((_, index) => index + 1));
  });

  it('times the execution out after the definition TimeoutSeconds', async () => {
    const harness = createEngineHarness();

    const { record, events } = await harness.run({ ...waitThenPass, TimeoutSeconds: 5 });

    expect(record.status).toBe('TIMED_OUT');
    expect(events.at(-1)?.type).toBe('ExecutionTimedOut');
    expect(record.stoppedAt! - record.startedAt).toBe(5000);
  });

  it('exposes the context object with execution, state machine and state', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true } } },
      { x: 1 },
    );

    const { ctx } = outputOf(record) as { ctx: Record<string, Record<string, unknown>> };
    expect(ctx.Execution).toMatchObject({
      Id: record.arn,
      Input: { x: 1 },
      Name: record.name,
      RedriveCount: 0,
      StartTime: '2024-01-01T00:00:00.000Z',
    });
    expect(ctx.StateMachine).toStrictEqual({ Id: record.stateMachineArn, Name: record.stateMachineName });
    expect(ctx.State).toStrictEqual({ Name: 'P', EnteredTime: '2024-01-01T00:00:00.000Z' });
  });

  it('resolves waitForExecution for executions that already closed', async () => {
    const harness = createEngineHarness();
    const { record } = await harness.run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

    const again = await harness.engine.waitForExecution(record.arn);

    expect(again.status).toBe('SUCCEEDED');
  });
});

describe('Engine limits', () => {
  it('fails an endless loop when its history reaches 25,000 events', async () => {
    const harness = createEngineHarness();
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } };

    const { record, events } = await harness.run(definition);

    expect([record.status, record.error]).toStrictEqual(['FAILED', 'States.Runtime']);
    expect(events).toHaveLength(25_001);
  });

  it('lets an Express execution run past 25,000 events (the quota is for Standard workflows)', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 7_000, Next: 'Add' }], Default: 'Done' },
        Add: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };
    const arn = harness.start(harness.deploy(definition, 'express-loop', 'EXPRESS'), { n: 0 });

    const record = await harness.finish(arn);

    expect(record.status).toBe('SUCCEEDED');
    expect(outputOf(record)).toStrictEqual({ n: 7_000 });
    expect(harness.engine.history(arn).length).toBeGreaterThan(25_000);
  });
});
