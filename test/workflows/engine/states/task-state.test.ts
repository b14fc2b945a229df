import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

const invoke = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: parameters, End: true, ...extra } },
});

describe('Task state: lambda:invoke', () => {
  it('calls the registered handler with the Payload and returns the Invoke response', async () => {
    const calls: unknown[] = [];
    const harness = createEngineHarness({
      handlers: {
        greet: (input) => {
          calls.push(input);
          return { hello: (input as { name: string }).name };
        },
      },
    });

    const { record, events } = await harness.run(
      invoke({ FunctionName: 'greet', 'Payload.$': '$' }, { ResultSelector: { 'body.$': '$.Payload' } }),
      { name: 'Ada' },
    );

    expect(calls).toStrictEqual([{ name: 'Ada' }]);
    expect(outputOf(record)).toStrictEqual({ body: { hello: 'Ada' } });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2].details).toStrictEqual({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
      parameters: '{"FunctionName":"greet","Payload":{"name":"Ada"}}',
    });
    const succeeded = JSON.parse(String(events[4].details?.output)) as Record<string, unknown>;
    expect(succeeded).toMatchObject({ ExecutedVersion: '$LATEST', Payload: { hello: 'Ada' }, StatusCode: 200 });
    expect(succeeded.SdkHttpMetadata).toMatchObject({ HttpStatusCode: 200 });
  });

  it('accepts a function ARN with a qualifier as FunctionName', async () => {
    const harness = createEngineHarness({ handlers: { fn: () => 42 } });

    const { record } = await harness.run(
      invoke({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST' }, { OutputPath: '$.Payload' }),
    );

    expect(outputOf(record)).toBe(42);
  });

  it('fails like Lambda ResourceNotFound for an unknown function', async () => {
    const harness = createEngineHarness();

    const { record, events } = await harness.run(invoke({ FunctionName: 'missing' }));

    expect(record.error).toBe('Lambda.ResourceNotFoundException');
    expect(record.cause).toMatch(
      /^Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing \(Service: AWSLambda; Status Code: 404;/,
    );
    expect(events.map((event) => event.type)).toContain('TaskFailed');
  });

  it('surfaces a thrown error as Lambda does: error name and a JSON cause', async () => {
    class PaymentDeclined extends Error {
      override name = 'PaymentDeclined';
    }
    const harness = createEngineHarness({
      handlers: {
        pay: () => {
          throw new PaymentDeclined('card refused');
        },
      },
    });

    const { record } = await harness.run(invoke({ FunctionName: 'pay' }));

    expect(record.error).toBe('PaymentDeclined');
    const cause = JSON.parse(record.cause ?? '{}') as { errorType: string; errorMessage: string; trace: string[] };
    expect(cause.errorType).toBe('PaymentDeclined');
    expect(cause.errorMessage).toBe('card refused');
    expect(cause.trace[0]).toBe('PaymentDeclined: card refused');
  });

  it('times out with States.Timeout after TimeoutSeconds in virtual time', async () => {
    const harness = createEngineHarness({ handlers: { slow: () => new Promise(() => {}) } });

    const { record, events } = await harness.run(invoke({ FunctionName: 'slow' }, { TimeoutSeconds: 3600 }));

    expect(record.error).toBe('States.Timeout');
    expect(events.find((event) => event.type === 'TaskTimedOut')?.details).toMatchObject({ error: 'States.Timeout' });
    expect(record.stoppedAt! - record.startedAt).toBe(3600 * 1000);
  });
});

describe('Task state: plain Lambda ARN', () => {
  it('passes the effective input and records LambdaFunction events', async () => {
    const harness = createEngineHarness({ handlers: { double: (input) => (input as number) * 2 } });
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double', InputPath: '$.n', End: true } },
    };

    const { record, events } = await harness.run(definition, { n: 21 });

    expect(outputOf(record)).toBe(42);
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });
});

describe('Task state: .waitForTaskToken', () => {
  const callbackDefinition = (extra: Record<string, unknown> = {}) => ({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'request', Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
        ...extra,
      },
    },
  });

  function tokenCatcher() {
    const tokens: string[] = [];
    return {
      tokens,
      handlers: {
        request: (input: unknown) => {
          tokens.push((input as { token: string }).token);
          return 'sent';
        },
      },
    };
  }

  it('waits for SendTaskSuccess and outputs its payload', async () => {
    const { tokens, handlers } = tokenCatcher();
    const harness = createEngineHarness({ handlers });
    const arn = harness.start(harness.deploy(callbackDefinition()));
    await harness.clock.advance(0);

    const result = harness.engine.sendTaskCallback(tokens[0], {
      kind: 'outcome',
      outcome: { status: 'succeeded', output: { approved: true } },
    });
    const record = await harness.finish(arn);

    expect(result.ok).toBe(true);
    expect(outputOf(record)).toStrictEqual({ approved: true });
    expect(harness.types(arn)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fails with the error and cause of SendTaskFailure', async () => {
    const { tokens, handlers } = tokenCatcher();
    const harness = createEngineHarness({ handlers });
    const arn = harness.start(harness.deploy(callbackDefinition()));
    await harness.clock.advance(0);

    harness.engine.sendTaskCallback(tokens[0], { kind: 'outcome', outcome: { status: 'failed', error: 'Rejected', cause: 'no budget' } });
    const record = await harness.finish(arn);

    expect([record.status, record.error, record.cause]).toStrictEqual(['FAILED', 'Rejected', 'no budget']);
  });

  it('times out when heartbeats stop, recorded as States.Timeout as AWS does', async () => {
    const { tokens, handlers } = tokenCatcher();
    const harness = createEngineHarness({ handlers });
    const arn = harness.start(harness.deploy(callbackDefinition({ HeartbeatSeconds: 60, TimeoutSeconds: 7 * 24 * 3600 })));
    await harness.clock.advance(50_000);
    harness.engine.sendTaskCallback(tokens[0], { kind: 'heartbeat' });
    await harness.clock.advance(50_000);

    expect(harness.store.getExecution(arn)?.status).toBe('RUNNING');
    await harness.clock.advance(20_000);
    const record = await harness.finish(arn);

    expect(record.error).toBe('States.Timeout');
    expect(record.stoppedAt! - record.startedAt).toBe(110_000);
  });

  it('refuses unknown, malformed and already-used tokens as AWS does', async () => {
    const { tokens, handlers } = tokenCatcher();
    const harness = createEngineHarness({ handlers });
    const arn = harness.start(harness.deploy(callbackDefinition()));
    await harness.clock.advance(0);
    harness.engine.sendTaskCallback(tokens[0], { kind: 'outcome', outcome: { status: 'succeeded', output: 1 } });
    await harness.finish(arn);

    const again = harness.engine.sendTaskCallback(tokens[0], { kind: 'heartbeat' });
    const malformed = harness.engine.sendTaskCallback('not a token!', { kind: 'heartbeat' });

    expect(again).toMatchObject({ ok: false, code: 'TaskTimedOut' });
    expect(malformed).toMatchObject({ ok: false, code: 'InvalidToken' });
  });

  it('waits a 7-day approval timeout in virtual time', async () => {
    const { handlers } = tokenCatcher();
    const harness = createEngineHarness({ handlers });
    const definition = callbackDefinition({
      TimeoutSeconds: 7 * 24 * 3600,
      Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Expired' }],
      End: undefined,
      Next: 'Done',
    });
    Object.assign(definition.States, { Expired: { Type: 'Pass', Result: 'expired', End: true }, Done: { Type: 'Succeed' } });

    const { record } = await harness.run(definition);

    expect(outputOf(record)).toBe('expired');
    expect(record.stoppedAt! - record.startedAt).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('Task state: states:startExecution', () => {
  it('.sync:2 runs the child to completion and returns its parsed output', async () => {
    const harness = createEngineHarness();
    const child = harness.deploy(
      { StartAt: 'C', States: { C: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } },
      'child',
    );
    const definition = {
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: child, 'Input.$': '$' },
          OutputPath: '$.Output',
          End: true,
        },
      },
    };

    const { record } = await harness.run(definition, { n: 4 });

    expect(outputOf(record)).toStrictEqual({ doubled: 8 });
  });

  it('fire-and-forget returns the child ARN and start date', async () => {
    const harness = createEngineHarness();
    const child = harness.deploy({ StartAt: 'C', States: { C: { Type: 'Wait', Seconds: 10, End: true } } }, 'sleeper');
    const definition = {
      StartAt: 'Run',
      States: {
        Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: child }, End: true },
      },
    };

    const { record } = await harness.run(definition);

    const output = outputOf(record) as { ExecutionArn: string; StartDate: number };
    expect(output.ExecutionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:sleeper:/);
    expect(typeof output.StartDate).toBe('number');
  });
});
