import type { JsonObject, JsonValue } from '../../../../workflows/asl';
import {
  DynamoDbItemsError,
  Engine,
  MemoryExecutionStore,
  stateMachineArnOf,
  type DynamoDbItems,
  type ExecutionRecord,
  type ExecutionStore,
  type HistoryEvent,
} from '../../../../workflows/engine';
import { dynamoDbTaskError } from '../../../../workflows/engine/tasks/dynamodb-integration';
import { createFakeClock } from '../../../helpers/fake-clock';
import { createFakeDynamoDbItems } from '../../../helpers/fake-dynamodb-items';
import { eventually } from '../../../helpers/eventually';

const ITEM = { id: { S: 'o-1' }, total: { N: '42' } };

type Started = { engine: Engine; start: (definition: object, input?: JsonValue) => string };

/** An engine over `store` on a clock that jumps to the next timer (retries wait no real time). */
function startEngine(dynamodb: DynamoDbItems | undefined, store: ExecutionStore = new MemoryExecutionStore()): Started {
  const engine = new Engine({ store, clock: createFakeClock({ autoAdvance: true }), dynamodb });
  let machines = 0;
  return {
    engine,
    start(definition, input = {}) {
      const name = `ddb-${++machines}`;
      const arn = stateMachineArnOf(engine.account, name);
      store.putStateMachine({
        arn,
        name,
        type: 'STANDARD',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::123456789012:role/test',
        createdAt: 0,
      });
      const result = engine.startExecution({ stateMachineArn: arn, input: JSON.stringify(input) });
      if (!result.ok) throw new Error(result.message);
      return result.value.record.arn;
    },
  };
}

async function run(
  dynamodb: DynamoDbItems | undefined,
  definition: object,
  input: JsonValue = {},
): Promise<{ record: ExecutionRecord; events: HistoryEvent[]; output: JsonValue }> {
  const { engine, start } = startEngine(dynamodb);
  const arn = start(definition, input);
  const record = await engine.waitForExecution(arn);
  return { record, events: engine.history(arn), output: record.output === undefined ? null : (JSON.parse(record.output) as JsonValue) };
}

function task(action: string, fields: JsonObject): object {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: `arn:aws:states:::dynamodb:${action}`, ...fields, End: true } } };
}

describe('DynamoDB optimized integration', () => {
  it('sends the resolved Parameters as the putItem request and records dynamodb task events', async () => {
    const dynamodb = createFakeDynamoDbItems();
    const parameters = {
      TableName: 'orders',
      Item: { id: { 'S.$': '$.id' }, total: { 'N.$': "States.Format('{}', $.total)" } },
      ConditionExpression: 'attribute_not_exists(id)',
    };

    const { record, events, output } = await run(dynamodb, task('putItem', { Parameters: parameters }), { id: 'o-1', total: 42 });

    const request = { TableName: 'orders', Item: ITEM, ConditionExpression: 'attribute_not_exists(id)' };
    expect(record.status).toBe('SUCCEEDED');
    expect(dynamodb.calls).toStrictEqual([{ action: 'putItem', request }]);
    expect(Object.keys(output as JsonObject)).toStrictEqual(['SdkHttpMetadata', 'SdkResponseMetadata']);
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
      resourceType: 'dynamodb',
      resource: 'putItem',
      region: 'us-east-1',
      parameters: JSON.stringify(request),
    });
    expect(events[3].details).toStrictEqual({ resourceType: 'dynamodb', resource: 'putItem' });
  });

  it('returns the getItem response with the SDK metadata AWS adds', async () => {
    const dynamodb = createFakeDynamoDbItems(() => ({ Item: ITEM }));

    const { output } = await run(
      dynamodb,
      task('getItem', { Parameters: { TableName: 'orders', Key: { id: { S: 'o-1' } }, ConsistentRead: true } }),
    );

    expect(output).toMatchObject({
      Item: ITEM,
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: expect.stringMatching(/^[0-9A-Z]{52}$/) },
    });
  });

  it('sends JSONata Arguments as the request and exposes the response as $states.result', async () => {
    const dynamodb = createFakeDynamoDbItems(() => ({ Attributes: { id: { S: 'o-1' }, status: { S: 'PAID' } } }));
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Arguments: {
            TableName: 'orders',
            Key: { id: { S: '{% $states.input.id %}' } },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: '{% $uppercase($states.input.status) %}' } },
            ReturnValues: 'ALL_NEW',
          },
          Output: '{% $states.result.Attributes.status.S %}',
          End: true,
        },
      },
    };

    const { output } = await run(dynamodb, definition, { id: 'o-1', status: 'paid' });

    expect(dynamodb.calls).toStrictEqual([
      {
        action: 'updateItem',
        request: {
          TableName: 'orders',
          Key: { id: { S: 'o-1' } },
          UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': { S: 'PAID' } },
          ReturnValues: 'ALL_NEW',
        },
      },
    ]);
    expect(output).toBe('PAID');
  });

  it("lets Catch match DynamoDB.ConditionalCheckFailedException with AWS's cause text", async () => {
    const dynamodb = createFakeDynamoDbItems(() => {
      throw new DynamoDbItemsError('ConditionalCheckFailedException', 'The conditional request failed', {
        statusCode: 400,
        requestId: 'REQ1',
      });
    });
    const definition = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'orders', Item: ITEM, ConditionExpression: 'attribute_not_exists(id)' },
          Catch: [{ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], ResultPath: '$.error', Next: 'Exists' }],
          End: true,
        },
        Exists: { Type: 'Pass', End: true },
      },
    };

    const { record, events, output } = await run(dynamodb, definition, { id: 'o-1' });

    const cause =
      'The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: REQ1; Proxy: null)';
    expect(record.status).toBe('SUCCEEDED');
    expect(output).toStrictEqual({ id: 'o-1', error: { Error: 'DynamoDB.ConditionalCheckFailedException', Cause: cause } });
    expect(events.find((event) => event.type === 'TaskFailed')?.details).toStrictEqual({
      resourceType: 'dynamodb',
      resource: 'putItem',
      error: 'DynamoDB.ConditionalCheckFailedException',
      cause,
    });
  });

  it('retries a throttled call when Retry names the DynamoDB error', async () => {
    let attempts = 0;
    const dynamodb = createFakeDynamoDbItems(() => {
      attempts += 1;
      if (attempts < 3)
        throw new DynamoDbItemsError('ProvisionedThroughputExceededException', 'Rate of requests exceeds the allowed throughput.');
      return { Item: ITEM };
    });
    const retry = [{ ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], IntervalSeconds: 1, MaxAttempts: 3 }];

    const { record } = await run(
      dynamodb,
      task('getItem', { Parameters: { TableName: 'orders', Key: { id: { S: 'o-1' } } }, Retry: retry, OutputPath: '$.Item' }),
    );

    expect(record.status).toBe('SUCCEEDED');
    expect(dynamodb.calls).toHaveLength(3);
  });

  it.each([
    ['ConditionalCheckFailedException', 400, 'DynamoDB.ConditionalCheckFailedException'],
    ['ResourceNotFoundException', 400, 'DynamoDB.ResourceNotFoundException'],
    ['ValidationException', 400, 'DynamoDB.AmazonDynamoDBException'],
    ['InternalServerError', 500, 'DynamoDB.InternalServerErrorException'],
    ['RequestLimitExceeded', 400, 'DynamoDB.RequestLimitExceededException'],
  ])('reports the DynamoDB exception %s (status %i) as %s', (exceptionName, statusCode, expected) => {
    const error = dynamoDbTaskError(new DynamoDbItemsError(exceptionName, 'message text', { statusCode, requestId: 'R' }));

    expect(error.code).toBe(expected);
    expect(error.details).toBe(
      `message text (Service: AmazonDynamoDBv2; Status Code: ${statusCode}; Error Code: ${exceptionName}; Request ID: R; Proxy: null)`,
    );
  });

  it('fails with States.Runtime when the engine has no DynamoDB', async () => {
    const { record } = await run(undefined, task('getItem', { Parameters: { TableName: 'orders', Key: { id: { S: 'o-1' } } } }));

    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('States.Runtime');
    expect(record.cause).toMatch(/DynamoDB is not configured/);
  });

  it('does not offer the callback pattern, as AWS does not', async () => {
    const { record } = await run(
      createFakeDynamoDbItems(),
      task('putItem.waitForTaskToken', { Parameters: { TableName: 'orders', Item: ITEM } }),
    );

    expect(record.error).toBe('States.Runtime');
    expect(record.cause).toMatch(/is not supported/);
  });

  it('does not call DynamoDB again for a finished task when an execution is replayed after a restart', async () => {
    const store = new MemoryExecutionStore();
    const hanging = createFakeDynamoDbItems((action) => (action === 'getItem' ? new Promise<JsonObject>(() => {}) : {}));
    const definition = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'orders', Item: ITEM },
          ResultPath: null,
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'orders', Key: { id: { S: 'o-1' } } },
          OutputPath: '$.Item',
          End: true,
        },
      },
    };
    const arn = startEngine(hanging, store).start(definition);
    await eventually(() => hanging.calls.length >= 2, { interval: 0, what: 'the second DynamoDB call' });

    const answering = createFakeDynamoDbItems(() => ({ Item: ITEM }));
    const second = new Engine({ store, clock: createFakeClock({ autoAdvance: true }), dynamodb: answering });
    second.recover();
    const record = await second.waitForExecution(arn);

    expect(hanging.calls.map((call) => call.action)).toStrictEqual(['putItem', 'getItem']);
    expect(answering.calls.map((call) => call.action)).toStrictEqual(['getItem']);
    expect(JSON.parse(record.output ?? 'null')).toStrictEqual(ITEM);
    expect(second.history(arn).filter((event) => event.type === 'TaskSucceeded')).toHaveLength(2);
  });
});
