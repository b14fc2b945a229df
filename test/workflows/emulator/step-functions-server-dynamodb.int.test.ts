import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startDynalite, type RunningDynalite } from '../../helpers/dynalite-server';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { untilClosed } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const TABLE = 'orders';
const KEY = { id: { 'S.$': '$.id' } };
const ddb = (action: string) => `arn:aws:states:::dynamodb:${action}`;

/** putItem → getItem → updateItem (ALL_NEW) → conditional putItem that fails and is caught → deleteItem. */
const DEFINITION = {
  StartAt: 'Put',
  States: {
    Put: {
      Type: 'Task',
      Resource: ddb('putItem'),
      Parameters: { TableName: TABLE, Item: { id: { 'S.$': '$.id' }, status: { S: 'NEW' } } },
      ResultPath: null,
      Next: 'Get',
    },
    Get: {
      Type: 'Task',
      Resource: ddb('getItem'),
      Parameters: { TableName: TABLE, Key: KEY, ConsistentRead: true },
      ResultSelector: { 'status.$': '$.Item.status.S' },
      ResultPath: '$.got',
      Next: 'Update',
    },
    Update: {
      Type: 'Task',
      Resource: ddb('updateItem'),
      Parameters: {
        TableName: TABLE,
        Key: KEY,
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'PAID' } },
        ReturnValues: 'ALL_NEW',
      },
      ResultSelector: { 'attributes.$': '$.Attributes' },
      ResultPath: '$.updated',
      Next: 'PutAgain',
    },
    PutAgain: {
      Type: 'Task',
      Resource: ddb('putItem'),
      Parameters: { TableName: TABLE, Item: { id: { 'S.$': '$.id' } }, ConditionExpression: 'attribute_not_exists(id)' },
      Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.conflict', Next: 'Delete' }],
      Next: 'Delete',
    },
    Delete: {
      Type: 'Task',
      Resource: ddb('deleteItem'),
      Parameters: { TableName: TABLE, Key: KEY, ReturnValues: 'ALL_OLD' },
      ResultSelector: { 'status.$': '$.Attributes.status.S' },
      ResultPath: '$.deleted',
      End: true,
    },
  },
};

describe('Step Functions server with DynamoDB (dynalite)', () => {
  let dynalite: RunningDynalite;
  let emulator: RunningEmulator;
  let dynamodb: DynamoDBClient;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    dynalite = await startDynalite();
    emulator = await startEmulator({ dynamodb: { endpoint: dynalite.endpoint } });
    dynamodb = new DynamoDBClient({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await dynamodb.send(
      new CreateTableCommand({
        TableName: TABLE,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });

  afterAll(async () => {
    dynamodb.destroy();
    await emulator.stop();
    await dynalite.stop();
  });

  it('puts, gets, updates, fails a conditional put into its Catch and deletes an item', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'orders-ddb', definition: JSON.stringify(DEFINITION), roleArn: ROLE }),
    );

    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ id: 'o-1' }) }));
    const described = await untilClosed(client, executionArn!);
    const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    const left = await dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'o-1' } }, ConsistentRead: true }));

    expect(described.status).toBe('SUCCEEDED');
    expect(JSON.parse(described.output ?? 'null')).toStrictEqual({
      id: 'o-1',
      got: { status: 'NEW' },
      updated: { attributes: { id: { S: 'o-1' }, status: { S: 'PAID' } } },
      conflict: {
        Error: 'DynamoDB.ConditionalCheckFailedException',
        Cause: expect.stringMatching(
          /^The conditional request failed \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: \S+; Proxy: null\)$/,
        ),
      },
      deleted: { status: 'PAID' },
    });
    expect(left.Item).toBeUndefined();
    expect(events.filter((event) => event.type === 'TaskScheduled').map((event) => event.taskScheduledEventDetails)).toStrictEqual(
      ['putItem', 'getItem', 'updateItem', 'putItem', 'deleteItem'].map((resource) =>
        expect.objectContaining({ resourceType: 'dynamodb', resource, region: 'us-east-1' }),
      ),
    );
    expect(events.find((event) => event.type === 'TaskFailed')?.taskFailedEventDetails).toMatchObject({
      resourceType: 'dynamodb',
      resource: 'putItem',
      error: 'DynamoDB.ConditionalCheckFailedException',
    });
    const gotOutput = JSON.parse(
      events.filter((event) => event.type === 'TaskSucceeded')[1].taskSucceededEventDetails?.output ?? '{}',
    ) as Record<string, unknown>;
    expect(gotOutput).toMatchObject({
      Item: { id: { S: 'o-1' }, status: { S: 'NEW' } },
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: {},
    });
  });
});
