import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { JsonObject } from '../../../workflows/asl';
import { DynamoDbItemsError } from '../../../workflows/engine';
import { createDynamoDbItems, type DynamoDbItemsClient } from '../../../workflows/emulator/dynamodb-items';
import { startDynalite, type RunningDynalite } from '../../helpers/dynalite-server';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('createDynamoDbItems (against dynalite)', () => {
  let dynalite: RunningDynalite;
  let items: DynamoDbItemsClient;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    dynalite = await startDynalite();
    const admin = new DynamoDBClient({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await admin.send(
      new CreateTableCommand({
        TableName: 'things',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await admin.send(new PutItemCommand({ TableName: 'things', Item: { id: { S: 'taken' } } }));
    admin.destroy();
    items = createDynamoDbItems({ endpoint: dynalite.endpoint });
  });

  afterAll(async () => {
    items.close();
    await dynalite.stop();
  });

  it('round-trips every attribute type in attribute-value JSON, binary as base64', async () => {
    const item: JsonObject = {
      id: { S: 'all-types' },
      n: { N: '1.5' },
      b: { B: Buffer.from('bytes').toString('base64') },
      bs: { BS: [Buffer.from('a').toString('base64'), Buffer.from('b').toString('base64')] },
      ss: { SS: ['x', 'y'] },
      m: { M: { nested: { L: [{ BOOL: true }, { NULL: true }, { B: Buffer.from([0, 255]).toString('base64') }] } } },
    };

    const put = await items.call('putItem', { TableName: 'things', Item: item });
    const got = await items.call('getItem', { TableName: 'things', Key: { id: { S: 'all-types' } }, ConsistentRead: true });

    expect(put).toStrictEqual({});
    expect(got).toStrictEqual({ Item: item });
  });

  it('answers updateItem with ReturnValues ALL_NEW and an absent item with an empty getItem response', async () => {
    const updated = await items.call('updateItem', {
      TableName: 'things',
      Key: { id: { S: 'counter' } },
      UpdateExpression: 'ADD #c :one',
      ExpressionAttributeNames: { '#c': 'count' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    });
    const missing = await items.call('getItem', { TableName: 'things', Key: { id: { S: 'nothing' } } });

    expect(updated).toStrictEqual({ Attributes: { id: { S: 'counter' }, count: { N: '1' } } });
    expect(missing).toStrictEqual({});
  });

  it.each([
    [
      'a failed condition',
      { TableName: 'things', Item: { id: { S: 'taken' } }, ConditionExpression: 'attribute_not_exists(id)' },
      'ConditionalCheckFailedException',
      'The conditional request failed',
    ],
    ['a missing table', { TableName: 'nope', Item: { id: { S: 'x' } } }, 'ResourceNotFoundException', 'Requested resource not found'],
    [
      'an item without its key',
      { TableName: 'things', Item: { other: { S: 'x' } } },
      'ValidationException',
      'One or more parameter values were invalid: Missing the key id in the item',
    ],
  ])(
    'rejects %s with DynamoDbItemsError carrying the exception name, message, status and request id',
    async (_case, request, exceptionName, message) => {
      const error = await rejectionOf(items.call('putItem', request));

      expect(error).toBeInstanceOf(DynamoDbItemsError);
      expect(error).toMatchObject({ exceptionName, message, statusCode: 400, requestId: expect.any(String) });
    },
  );
});
