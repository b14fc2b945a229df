import { compile, fn, workflow, type Steps, type Ended } from '../../../workflows/dsl';

type Order = {
  orderId: string;
  total: number;
  items: { sku: string; qty: number }[];
  customer: { id: string; tier: string; vip: boolean };
};
const EXAMPLE: Order = { orderId: 'o-1', total: 42, items: [{ sku: 'A', qty: 1 }], customer: { id: 'c-1', tier: 'gold', vip: false } };
const chargeCard = fn('charge-card', (input: { orderId: string; amount: number }) => ({ chargeId: `ch-${input.orderId}` }));

/** Compiles a one-off workflow over Order and returns its States. */
function statesOf(build: (start: Steps<Order>) => Steps<unknown, unknown> | Ended) {
  return compile(workflow('test-flow', { description: 'A test.', example: EXAMPLE }, build)).definition.States;
}

const LAMBDA_RETRY = {
  ErrorEquals: [
    'Lambda.ClientExecutionTimeoutException',
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
};

describe('compile: one state per builder', () => {
  it('compiles a Pass with Parameters, ResultPath and a comment', () => {
    const states = statesOf((start) =>
      start.pass('Shape', {
        comment: 'why',
        parameters: { 'id.$': '$.orderId', source: 'web', 'fmt.$': "States.Format('o-{}', $.orderId)" },
        resultPath: '$.shaped',
      }),
    );

    expect(states).toStrictEqual({
      Shape: {
        Type: 'Pass',
        Comment: 'why',
        Parameters: { 'id.$': '$.orderId', source: 'web', 'fmt.$': "States.Format('o-{}', $.orderId)" },
        ResultPath: '$.shaped',
        End: true,
      },
    });
  });

  it('compiles a fn task that replaces its input to OutputPath $.Payload', () => {
    const states = statesOf((start) =>
      start.task('Charge', chargeCard, {
        parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
        timeout: '5m',
        heartbeat: '60s',
      }),
    );

    expect(states).toStrictEqual({
      Charge: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: '${ChargeCardFunctionArn}', Payload: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } },
        OutputPath: '$.Payload',
        TimeoutSeconds: 300,
        HeartbeatSeconds: 60,
        Retry: [LAMBDA_RETRY],
        End: true,
      },
    });
  });

  it('compiles a fn task with a ResultPath to a ResultSelector that keeps only the Payload', () => {
    const passThrough = fn('pass-through', (order: Order) => order.total);

    const states = statesOf((start) => start.task('Count', passThrough, { resultPath: '$.count', retryServiceErrors: false }));

    expect(states).toStrictEqual({
      Count: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: '${PassThroughFunctionArn}', 'Payload.$': '$' },
        ResultSelector: { 'Payload.$': '$.Payload' },
        ResultPath: '$.count',
        End: true,
      },
    });
  });

  it('compiles a raw resource task as written', () => {
    const states = statesOf((start) =>
      start.task('Raw', 'arn:aws:states:::events:putEvents', { parameters: { Entries: [] }, resultPath: null }),
    );

    expect(states).toStrictEqual({
      Raw: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [] }, ResultPath: null, End: true },
    });
  });

  it.each([
    [{ seconds: '15m' as const }, { Seconds: 900 }],
    [{ secondsPath: '$.total' }, { SecondsPath: '$.total' }],
    [{ timestamp: '2026-12-01T00:00:00Z' }, { Timestamp: '2026-12-01T00:00:00Z' }],
    [{ timestampPath: '$.orderId' }, { TimestampPath: '$.orderId' }],
  ])('compiles a Wait %j', (options, fields) => {
    const states = statesOf((start) => start.wait('Pause', options));

    expect(states).toStrictEqual({ Pause: { Type: 'Wait', ...fields, End: true } });
  });

  it('compiles Succeed and Fail as terminal states', () => {
    const states = statesOf((start) =>
      start.choice('Vip?', (c) =>
        c
          .when(c.boolean('$.customer.vip').equals(true), (b) => b.succeed('Done', { outputPath: '$.orderId' }))
          .otherwise((b) => b.fail('Refused', { error: 'NotVip', cause: 'only VIPs' })),
      ),
    );

    expect(states).toStrictEqual({
      'Vip?': { Type: 'Choice', Choices: [{ Variable: '$.customer.vip', BooleanEquals: true, Next: 'Done' }], Default: 'Refused' },
      Done: { Type: 'Succeed', OutputPath: '$.orderId' },
      Refused: { Type: 'Fail', Error: 'NotVip', Cause: 'only VIPs' },
    });
  });

  it('compiles Retry policies with durations and jitter, in order', () => {
    const states = statesOf((start) =>
      start
        .task('Charge', chargeCard, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, retryServiceErrors: false })
        .retry(
          { errors: ['Throttled'], interval: '2s', maxAttempts: 5, backoffRate: 1.5, maxDelay: '1m', jitter: 'FULL' },
          { maxAttempts: 0 },
        ),
    );

    expect(states.Charge).toMatchObject({
      Retry: [
        { ErrorEquals: ['Throttled'], IntervalSeconds: 2, MaxAttempts: 5, BackoffRate: 1.5, MaxDelaySeconds: 60, JitterStrategy: 'FULL' },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 0 },
      ],
    });
  });

  it('compiles a Catch whose branch ends, and one that rejoins the chain', () => {
    const states = statesOf((start) =>
      start
        .task('Charge', chargeCard, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, retryServiceErrors: false })
        .catch(['Declined'], (b) => b.fail('Payment failed', { error: 'Declined' }), { resultPath: '$.error' })
        .catch(['States.ALL'], (b) => b.pass('Note failure', { result: 'unknown', resultPath: '$.note' }))
        .pass('Finish'),
    );

    expect(states.Charge).toMatchObject({
      Catch: [
        { ErrorEquals: ['Declined'], ResultPath: '$.error', Next: 'Payment failed' },
        { ErrorEquals: ['States.ALL'], Next: 'Note failure' },
      ],
      Next: 'Finish',
    });
    expect(states['Note failure']).toStrictEqual({ Type: 'Pass', Result: 'unknown', ResultPath: '$.note', Next: 'Finish' });
  });

  it('compiles a loop with goto', () => {
    const states = statesOf((start) =>
      start
        .wait('Wait a bit', { seconds: 5 })
        .pass('Check', { result: { done: true }, resultPath: '$.status' })
        .choice('Done?', (c) => c.when(c.boolean('$.status.done').equals(false), 'Wait a bit').otherwise((b) => b))
        .succeed('Finished'),
    );

    expect(states['Done?']).toStrictEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.status.done', BooleanEquals: false, Next: 'Wait a bit' }],
      Default: 'Finished',
    });
  });
});
