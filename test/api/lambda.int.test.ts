import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLambdaHandler } from '../../api/lambda';
import { startApiStack, type ApiStack } from '../helpers/api-stack';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack();
});
afterAll(() => stack.stop());

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/events', name), 'utf8'));
const context = { awsRequestId: 'req-1', functionName: 'statecraft-api', getRemainingTimeInMillis: () => 30000 };
type ProxyResult = { statusCode: number; body: string; headers?: Record<string, string>; multiValueHeaders?: Record<string, string[]> };

describe('the Lambda entry', () => {
  it('serves an API Gateway HTTP API (v2) event', async () => {
    const handler = createLambdaHandler(stack.config, { sfn: stack.sfn, catalogue: stack.catalogue });

    const result = (await handler(fixture('http-api-v2.json'), context)) as ProxyResult;

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toStrictEqual({ status: 'ok' });
  });

  it('serves a REST API (v1) event with a bearer token', async () => {
    const handler = createLambdaHandler(stack.config, { sfn: stack.sfn, catalogue: stack.catalogue });
    const token = await stack.token('vera', ['viewers']);
    const event = fixture('rest-api-v1.json');
    event.headers = { ...(event.headers as object), Authorization: `Bearer ${token}` };
    event.multiValueHeaders = { ...(event.multiValueHeaders as object), Authorization: [`Bearer ${token}`] };

    const result = (await handler(event, context)) as ProxyResult;

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).workflows).toHaveLength(5);
  });

  it('answers 401 problem+json through Lambda without a token', async () => {
    const handler = createLambdaHandler(stack.config, { sfn: stack.sfn, catalogue: stack.catalogue });

    const result = (await handler(fixture('rest-api-v1.json'), context)) as ProxyResult;

    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body).code).toBe('missing-token');
  });
});
