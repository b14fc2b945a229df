import { dynamoDbRequestId, dynamoDbResponse } from '../../../../workflows/engine/tasks/dynamodb-response';

describe('dynamoDbResponse', () => {
  it('adds the SDK metadata of an empty putItem answer as AWS reports it', () => {
    const date = new Date(Date.UTC(2024, 0, 1));

    const response = dynamoDbResponse({}, 'REQ1', date);

    // As in the recorded real-AWS putItem output (LocalStack's test_dynamodb_task_service snapshot): 2-byte body `{}`.
    const headers = {
      Connection: 'keep-alive',
      'Content-Length': '2',
      'Content-Type': 'application/x-amz-json-1.0',
      Date: 'Mon, 01 Jan 2024 00:00:00 GMT',
      Server: 'Server',
      'x-amz-crc32': '2745614147',
      'x-amzn-RequestId': 'REQ1',
    };
    expect(response).toStrictEqual({
      SdkHttpMetadata: {
        AllHttpHeaders: {
          Server: ['Server'],
          Connection: ['keep-alive'],
          'x-amzn-RequestId': ['REQ1'],
          'x-amz-crc32': ['2745614147'],
          'Content-Length': ['2'],
          Date: ['Mon, 01 Jan 2024 00:00:00 GMT'],
          'Content-Type': ['application/x-amz-json-1.0'],
        },
        HttpHeaders: headers,
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: 'REQ1' },
    });
  });

  it('keeps the response members first and measures the body in UTF-8 bytes', () => {
    const body = { Item: { name: { S: 'Zoë' } } };

    const response = dynamoDbResponse(body, 'REQ2');

    expect(Object.keys(response)).toStrictEqual(['Item', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    expect(response.Item).toStrictEqual(body.Item);
    expect(response.SdkHttpMetadata).toMatchObject({ HttpHeaders: { 'Content-Length': String(Buffer.byteLength(JSON.stringify(body))) } });
  });

  it("makes request ids in DynamoDB's form", () => {
    expect(dynamoDbRequestId()).toMatch(/^[0-9A-Z]{52}$/);
  });
});
