import * as fs from 'node:fs';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import request from 'supertest';
import { createLambdaHandler } from '../../../api/lambda';
import { startApiServer } from '../../../api/server';
import { startApiStack, type ApiStack } from '../../helpers/api-stack';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack();
});
afterAll(() => stack.stop());

describe('authentication', () => {
  it('answers 401 with a Bearer challenge without a token', async () => {
    const response = await request(stack.app).get('/api/workflows');

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="statecraft"');
    expect(response.body.code).toBe('missing-token');
  });

  it('answers 401 invalid-token for a token signed with another key', async () => {
    const forged = await new SignJWT({ 'cognito:groups': ['operators'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('statecraft-local')
      .setExpirationTime('1h')
      .sign(new Uint8Array(32));

    const response = await request(stack.app).get('/api/workflows').auth(forged, { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(response.body.code).toBe('invalid-token');
    expect(response.body.detail).toBe(
      `the token was not signed with this stack's key (${keyFileOf(stack)}); make one with: npx statecraft token --data-dir ${stack.config.dataDir} --user <name> --groups <groups>`,
    );
  });

  it('answers 401 saying why for a token without exp', async () => {
    const forever = await new SignJWT({ 'cognito:groups': ['viewers'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('vera')
      .setIssuer('statecraft-local')
      .setIssuedAt()
      .sign(stack.key);

    const response = await request(stack.app).get('/api/workflows').auth(forever, { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'invalid-token', detail: 'the bearer token has no exp claim' });
  });

  it('answers 401 saying why for a token that lives longer than a day', async () => {
    const week = await stack.token('vera', ['viewers'], '7d');

    const response = await request(stack.app).get('/api/workflows').auth(week, { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'invalid-token',
      detail: 'the bearer token lives longer than the 86400 s this API accepts',
    });
  });

  it('holds tokens to TOKEN_MAX_LIFETIME_SECONDS in the server entry', async () => {
    const api = await startApiServer({ ...stack.config, port: 0, maxTokenLifetimeSeconds: 3600 }, { sfn: stack.sfn });
    const twoHours = await stack.token('vera', ['viewers'], '2h');
    const halfHour = await stack.token('vera', ['viewers'], '30m');

    try {
      const refused = await request(api.url).get('/api/workflows').auth(twoHours, { type: 'bearer' });
      const accepted = await request(api.url).get('/api/workflows').auth(halfHour, { type: 'bearer' });

      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe('the bearer token lives longer than the 3600 s this API accepts');
      expect(accepted.status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('holds tokens to TOKEN_MAX_LIFETIME_SECONDS in the Lambda entry', async () => {
    const handler = createLambdaHandler({ ...stack.config, maxTokenLifetimeSeconds: 3600 }, { sfn: stack.sfn, catalogue: stack.catalogue });
    const twoHours = await stack.token('vera', ['viewers'], '2h');
    const event = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/events/rest-api-v1.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    event.headers = { ...(event.headers as object), Authorization: `Bearer ${twoHours}` };
    event.multiValueHeaders = { ...(event.multiValueHeaders as object), Authorization: [`Bearer ${twoHours}`] };

    const result = (await handler(event, {
      awsRequestId: 'req-1',
      functionName: 'statecraft-api',
      getRemainingTimeInMillis: () => 30000,
    })) as { statusCode: number; body: string };

    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body).detail).toBe('the bearer token lives longer than the 3600 s this API accepts');
  });

  it('answers 401 for an expired token and for garbage', async () => {
    const expired = await new SignJWT({ 'cognito:groups': ['viewers'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('vera')
      .setIssuer('statecraft-local')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(stack.key);

    const late = await request(stack.app).get('/api/workflows').auth(expired, { type: 'bearer' });
    const garbage = await request(stack.app).get('/api/workflows').set('Authorization', 'Bearer not.a.jwt');

    expect(late.status).toBe(401);
    expect(garbage.status).toBe(401);
  });

  it('shows a caller in no group that may read nothing: empty listings, 404 for a workflow by name', async () => {
    const token = await stack.token('nobody', []);

    const runs = await request(stack.app).get('/api/runs').auth(token, { type: 'bearer' });
    const workflows = await request(stack.app).get('/api/workflows').auth(token, { type: 'bearer' });
    const one = await request(stack.app).get('/api/workflows/deploy-service').auth(token, { type: 'bearer' });

    expect(runs.body).toStrictEqual({ runs: [] });
    expect(workflows.body).toStrictEqual({ workflows: [] });
    expect(one.status).toBe(404);
  });

  it('answers 404 problem for an unknown route behind authentication', async () => {
    const token = await stack.token('vera', ['viewers']);

    const response = await request(stack.app).get('/api/nothing-here').auth(token, { type: 'bearer' });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('route-not-found');
  });
});

function keyFileOf({ config }: ApiStack): string {
  if (config.auth.mode !== 'local') throw new Error('expected local auth');
  return config.auth.keyFile;
}
