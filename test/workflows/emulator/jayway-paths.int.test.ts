/**
 * The Jayway JsonPath forms AWS accepts, end to end through the Step Functions API: created and run
 * (InputPath, Parameters with an intrinsic, Choice Variable, Map ItemsPath, ItemSelector with `$$.`,
 * ResultSelector, ResultPath, OutputPath), and a path Jayway cannot compile refused at creation.
 * Sources: https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html (`$.abc.['def ghi']`);
 * Jayway's PathCompiler.java and FilterCompiler.java (github.com/json-path/JsonPath); the creation error as
 * AWS words it: https://github.com/aws-cloudformation/cfn-lint/issues/4078.
 */
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { untilClosed } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';

const DEFINITION = {
  StartAt: 'Pick',
  States: {
    Pick: {
      Type: 'Pass',
      InputPath: '$.[0]',
      Parameters: {
        'state.$': '$.Snapshots.[0].State',
        'pairs.$': "$.objects.[*].['bucket', 'key']",
        'positive.$': '$.objects.[?(@.OU > 0)].bucket',
        'wanted.$': '$.items[?(@.id == $.want)].v',
        'body.$': 'States.StringToJson($.objects.[0].body)',
        'spaced.$': "$.abc.['def ghi']",
        'lists.$': '$.lists',
      },
      Next: 'Decide',
    },
    Decide: {
      Type: 'Choice',
      Choices: [{ Variable: '$.pairs.[1].key', StringEquals: 'k2', Next: 'Each' }],
      Default: 'Wrong',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.lists.[0]',
      ItemSelector: { 'n.$': '$$.Map.Item.Value', 'first.$': '$$.Execution.Input.[0].want' },
      ItemProcessor: { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
      ResultSelector: { 'ns.$': '$.[*].n', 'first.$': '$.[0].first' },
      ResultPath: '$.lists.[1]',
      OutputPath: "$.['state', 'wanted', 'positive', 'body', 'spaced', 'lists']",
      End: true,
    },
    Wrong: { Type: 'Fail', Error: 'Wrong' },
  },
};

const INPUT = [
  {
    Snapshots: [{ State: 'available' }],
    objects: [
      { bucket: 'b1', key: 'k1', OU: 1, body: '{"ok":true}' },
      { bucket: 'b2', key: 'k2', OU: 0, body: '{}' },
    ],
    items: [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ],
    want: 2,
    abc: { 'def ghi': 'spaced' },
    lists: [[10, 20], null],
  },
];

describe('Jayway path forms through the Step Functions API', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.stop());

  it('creates and runs a state machine using them in every kind of path field', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'jayway-forms', definition: JSON.stringify(DEFINITION), roleArn: ROLE }),
    );

    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(INPUT) }));
    const described = await untilClosed(client, executionArn ?? '');

    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output ?? 'null')).toStrictEqual({
      state: 'available',
      wanted: ['b'],
      positive: ['b1'],
      body: { ok: true },
      spaced: 'spaced',
      lists: [[10, 20], { ns: [10, 20], first: 2 }],
    });
  });

  it('refuses at creation a path Jayway cannot compile, as AWS does', async () => {
    const definition = JSON.stringify({ StartAt: 'Pass', States: { Pass: { Type: 'Pass', OutputPath: '$.a...b', End: true } } });

    const refusal = await emulator.client.send(new CreateStateMachineCommand({ name: 'bad-path', definition, roleArn: ROLE })).then(
      () => undefined,
      (error: Error) => ({ name: error.name, message: error.message }),
    );

    expect(refusal).toStrictEqual({
      name: 'InvalidDefinition',
      message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Value must be a valid JSONPath. at /States/Pass/OutputPath'",
    });
  });
});
