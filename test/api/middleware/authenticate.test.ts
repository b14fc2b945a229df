import { SignJWT } from 'jose';
import request from 'supertest';
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
    const forged = await new SignJWT({ 'cognito:groups': ['operators'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuer('statecraft-local').setExpirationTime('1h').sign(new Uint8Array(32));

    const response = await request(stack.app).get('/api/workflows').auth(forged, { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(response.body.code).toBe('invalid-token');
  });

  it('answers 401 for an expired token and for garbage', async () => {
    const expired = await new SignJWT({ 'cognito:groups': ['viewers'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('vera').setIssuer('statecraft-local').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(stack.key);

    const late = await request(stack.app).get('/api/workflows').auth(expired, { type: 'bearer' });
    const garbage = await request(stack.app).get('/api/workflows').set('Authorization', 'Bearer not.a.jwt');

    expect(late.status).toBe(401);
    expect(garbage.status).toBe(401);
  });

  it('answers 403 for a caller in no group that may read', async () => {
    const token = await stack.token('nobody', []);

    const response = await request(stack.app).get('/api/runs').auth(token, { type: 'bearer' });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('answers 404 problem for an unknown route behind authentication', async () => {
    const token = await stack.token('vera', ['viewers']);

    const response = await request(stack.app).get('/api/nothing-here').auth(token, { type: 'bearer' });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('route-not-found');
  });
});
