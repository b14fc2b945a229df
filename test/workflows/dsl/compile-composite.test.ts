import { compile, dynamodb, fn, startWorkflow, workflow, type Ended, type Steps } from '../../../workflows/dsl';

type Release = { service: string; version: string; regions: string[]; risk: number; at: string; canary: boolean };
const EXAMPLE: Release = {
  service: 'billing',
  version: '1.2.3',
  regions: ['eu-west-1'],
  risk: 10,
  at: '2026-11-26T00:00:00Z',
  canary: true,
};

function compiled(build: (start: Steps<Release>) => Steps<unknown, unknown> | Ended, queryLanguage?: 'JSONata') {
  return compile(workflow('release-flow', { description: 'Ships a release.', example: EXAMPLE, timeout: '2h', queryLanguage }, build));
}

describe('compile: Choice conditions', () => {
  it.each([
    ['string equals', (c: Cond) => c.string('$.service').equals('billing'), { Variable: '$.service', StringEquals: 'billing' }],
    ['string matches', (c: Cond) => c.string('$.version').matches('1.*'), { Variable: '$.version', StringMatches: '1.*' }],
    [
      'string less than path',
      (c: Cond) => c.string('$.service').lessThanPath('$.version'),
      { Variable: '$.service', StringLessThanPath: '$.version' },
    ],
    ['numeric greater than', (c: Cond) => c.number('$.risk').greaterThan(70), { Variable: '$.risk', NumericGreaterThan: 70 }],
    ['numeric less than equals', (c: Cond) => c.number('$.risk').lessThanEquals(5), { Variable: '$.risk', NumericLessThanEquals: 5 }],
    [
      'numeric greater than equals path',
      (c: Cond) => c.number('$.risk').greaterThanEqualsPath('$.risk'),
      { Variable: '$.risk', NumericGreaterThanEqualsPath: '$.risk' },
    ],
    ['boolean equals', (c: Cond) => c.boolean('$.canary').equals(true), { Variable: '$.canary', BooleanEquals: true }],
    [
      'timestamp less than',
      (c: Cond) => c.timestamp('$.at').lessThan('2027-01-01T00:00:00Z'),
      { Variable: '$.at', TimestampLessThan: '2027-01-01T00:00:00Z' },
    ],
    [
      'timestamp greater than path',
      (c: Cond) => c.timestamp('$.at').greaterThanPath('$$.Execution.StartTime'),
      { Variable: '$.at', TimestampGreaterThanPath: '$$.Execution.StartTime' },
    ],
    ['is present', (c: Cond) => c.isPresent('$.regions[0]'), { Variable: '$.regions[0]', IsPresent: true }],
    ['is null', (c: Cond) => c.isNull('$.version', false), { Variable: '$.version', IsNull: false }],
    ['is numeric', (c: Cond) => c.isNumeric('$.risk'), { Variable: '$.risk', IsNumeric: true }],
    ['is string', (c: Cond) => c.isString('$.service'), { Variable: '$.service', IsString: true }],
    ['is boolean', (c: Cond) => c.isBoolean('$.canary'), { Variable: '$.canary', IsBoolean: true }],
    ['is timestamp', (c: Cond) => c.isTimestamp('$.at'), { Variable: '$.at', IsTimestamp: true }],
    ['a variable', (c: Cond) => c.number('$attempts').lessThan(3), { Variable: '$attempts', NumericLessThan: 3 }],
    [
      'and / or / not',
      (c: Cond) =>
        c.and(c.number('$.risk').lessThan(50), c.or(c.boolean('$.canary').equals(true), c.not(c.string('$.service').equals('auth')))),
      {
        And: [
          { Variable: '$.risk', NumericLessThan: 50 },
          { Or: [{ Variable: '$.canary', BooleanEquals: true }, { Not: { Variable: '$.service', StringEquals: 'auth' } }] },
        ],
      },
    ],
  ])('compiles %s', (_, condition, rule) => {
    const { definition } = compiled((start) =>
      start.choice('Check', (c) => c.when(condition(c), (b) => b.succeed('Yes')).otherwise((b) => b.fail('No'))),
    );

    expect(definition.States.Check).toStrictEqual({ Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' });
  });
});
type Cond = Parameters<Parameters<Steps<Release>['choice']>[1]>[0];

describe('compile: nested scopes', () => {
  it('compiles a Parallel whose branches end and whose result is merged', () => {
    const { definition } = compiled((start) =>
      start
        .parallel('Checks', [(b) => b.pass('Lint', { result: 'ok' }), (b) => b.pass('Test', { result: 'ok' }).pass('Report')], {
          resultPath: '$.checks',
        })
        .succeed('Shipped'),
    );

    expect(definition).toStrictEqual({
      Comment: 'Ships a release.',
      StartAt: 'Checks',
      TimeoutSeconds: 7200,
      States: {
        Checks: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Lint', States: { Lint: { Type: 'Pass', Result: 'ok', End: true } } },
            { StartAt: 'Test', States: { Test: { Type: 'Pass', Result: 'ok', Next: 'Report' }, Report: { Type: 'Pass', End: true } } },
          ],
          ResultPath: '$.checks',
          Next: 'Shipped',
        },
        Shipped: { Type: 'Succeed' },
      },
    });
  });

  it('compiles an inline Map with ItemSelector and MaxConcurrency', () => {
    const { definition } = compiled((start) =>
      start.map(
        'Per region',
        {
          itemsPath: '$.regions',
          itemSelector: { 'region.$': '$$.Map.Item.Value', 'version.$': '$.version' },
          maxConcurrency: 2,
          resultPath: '$.deployed',
        },
        (item) => item.pass('Deploy region'),
      ),
    );

    expect(definition.States['Per region']).toStrictEqual({
      Type: 'Map',
      ItemsPath: '$.regions',
      ItemSelector: { 'region.$': '$$.Map.Item.Value', 'version.$': '$.version' },
      MaxConcurrency: 2,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Deploy region',
        States: { 'Deploy region': { Type: 'Pass', End: true } },
      },
      ResultPath: '$.deployed',
      End: true,
    });
  });

  it('compiles a distributed Map with tolerated failures and batching', () => {
    const { definition } = compiled((start) =>
      start.map(
        'Backfill',
        {
          itemsPath: '$.regions',
          mode: 'DISTRIBUTED',
          executionType: 'EXPRESS',
          toleratedFailurePercentage: 10,
          itemBatcher: { maxItemsPerBatch: 50 },
          label: 'backfill',
        },
        (item) => item.pass('Copy'),
      ),
    );

    expect(definition.States.Backfill).toStrictEqual({
      Type: 'Map',
      ItemsPath: '$.regions',
      ItemBatcher: { MaxItemsPerBatch: 50 },
      ToleratedFailurePercentage: 10,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Copy',
        States: { Copy: { Type: 'Pass', End: true } },
      },
      Label: 'backfill',
      End: true,
    });
  });
});

describe('compile: approvals and integrations', () => {
  it('compiles an approval to a callback task with the token, policy, message and both arms', () => {
    const result = compiled((start) =>
      start
        .approval('Approve release', {
          approvers: { groups: ['release-managers'], users: ['alice'] },
          message: 'Ship {$.service} {$.version}?',
          timeout: '24h',
        })
        .onRejected((b) => b.fail('Rejected', { error: 'ReleaseRejected' }))
        .onExpired((b) => b.fail('Expired', { error: 'ApprovalExpired' }))
        .succeed('Shipped'),
    );

    expect(result.definition.States['Approve release']).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: '${ApprovalRequestFunctionArn}',
        Payload: {
          'taskToken.$': '$$.Task.Token',
          'executionArn.$': '$$.Execution.Id',
          'stateName.$': '$$.State.Name',
          workflow: 'release-flow',
          approvers: { users: ['alice'], groups: ['release-managers'], allowRequester: false },
          'message.$': "States.Format('Ship {} {}?', $.service, $.version)",
          'input.$': '$',
          timeoutSeconds: 86400,
        },
      },
      ResultPath: '$.approval',
      TimeoutSeconds: 86400,
      Catch: [
        { ErrorEquals: ['Approval.Rejected'], ResultPath: '$.approval', Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.approval', Next: 'Expired' },
      ],
      Next: 'Shipped',
    });
    expect(result.substitutions).toStrictEqual({ ApprovalRequestFunctionArn: { type: 'function', functionName: 'approval-request' } });
  });

  it('compiles a nested workflow and DynamoDB items with their placeholders', () => {
    const child = workflow('child-flow', { description: 'Child.', example: { service: 'x' } }, (start) => start.succeed('Done'));

    const result = compiled((start) =>
      start
        .task('Run child', startWorkflow(child), { resultPath: '$.child' })
        .task('Record', dynamodb.putItem({ table: 'releases', item: { id: { 'S.$': '$.service' } } }), { resultPath: null }),
    );

    expect(result.definition.States).toStrictEqual({
      'Run child': {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: {
          StateMachineArn: '${ChildFlowStateMachineArn}',
          'Input.$': `States.JsonMerge($, States.StringToJson(States.Format('\\{"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID":"{}"\\}', $$.Execution.Id)), false)`,
        },
        ResultPath: '$.child',
        Next: 'Record',
      },
      Record: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: '${ReleasesTableName}', Item: { id: { 'S.$': '$.service' } } },
        ResultPath: null,
        End: true,
      },
    });
    expect(result.substitutions).toStrictEqual({
      ChildFlowStateMachineArn: { type: 'stateMachine', workflow: 'child-flow' },
      ReleasesTableName: { type: 'table', table: 'releases' },
    });
  });
});

describe('compile: JSONata workflows', () => {
  it('compiles fn tasks to Arguments/Output and JSONata conditions, with Assign', () => {
    const score = fn('score-release', (release: Release) => ({ score: release.risk * 2 }));

    const { definition } = compiled(
      (start) =>
        start
          .task('Score', score, { assign: { score: '{% $states.result.Payload.score %}' } })
          .choice('Risky?', (c) => c.when(c.jsonata('{% $score > 50 %}'), (b) => b.fail('Too risky')).otherwise((b) => b.succeed('Fine'))),
      'JSONata',
    );

    expect(definition).toStrictEqual({
      Comment: 'Ships a release.',
      QueryLanguage: 'JSONata',
      StartAt: 'Score',
      TimeoutSeconds: 7200,
      States: {
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: '${ScoreReleaseFunctionArn}', Payload: '{% $states.input %}' },
          Output: '{% $states.result.Payload %}',
          Assign: { score: '{% $states.result.Payload.score %}' },
          Retry: [expect.objectContaining({ ErrorEquals: expect.arrayContaining(['Lambda.ServiceException']) })],
          Next: 'Risky?',
        },
        'Risky?': { Type: 'Choice', Choices: [{ Condition: '{% $score > 50 %}', Next: 'Too risky' }], Default: 'Fine' },
        'Too risky': { Type: 'Fail' },
        Fine: { Type: 'Succeed' },
      },
    });
  });
});

describe('compile: determinism', () => {
  it('produces byte-identical JSON for the same workflow', () => {
    const build = (start: Steps<Release>) =>
      start
        .pass('A', { parameters: { 'z.$': '$.service', a: 1 } })
        .wait('B', { seconds: '1m' })
        .succeed('C');

    const first = JSON.stringify(compiled(build).definition);
    const second = JSON.stringify(compiled(build).definition);

    expect(second).toBe(first);
  });
});
