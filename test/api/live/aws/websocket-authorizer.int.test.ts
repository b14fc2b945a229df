import { createTokenVerifier } from '../../../../api/auth/create-token-verifier';
import { parseAuthorizerContext } from '../../../../api/live/aws/authorizer-context';
import { createWebSocketAuthorizer, handler, type WebSocketAuthorizer } from '../../../../api/live/aws/websocket-authorizer';
import { authorizerEvent, CONNECT_METHOD_ARN, passedOn } from './api-gateway-events';
import { startLiveAwsHarness, type LiveAwsHarness } from './live-aws-harness';

let harness: LiveAwsHarness;
let authorize: WebSocketAuthorizer;

beforeAll(async () => {
  harness = await startLiveAwsHarness();
  authorize = createWebSocketAuthorizer({ verifyToken: harness.verifyToken });
});

afterAll(() => harness.stop());

/** A token's payload with other claims and the original signature: what an attacker can make without the key. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url'), signature].join('.');
}

/** An unsigned token (`alg: none`). */
function unsigned(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

describe('the WebSocket REQUEST authorizer', () => {
  it('allows execute-api:Invoke on the connecting route and passes on who the token names', async () => {
    const token = await harness.token('ada', ['viewers', 'operators'], '1h');

    const result = await authorize(authorizerEvent({ token }));

    const { expiresAt } = result.context;
    expect(result).toStrictEqual({
      principalId: 'ada',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: CONNECT_METHOD_ARN }],
      },
      context: { user: 'ada', groups: '["viewers","operators"]', expiresAt },
    });
    expect(Math.abs(expiresAt - (Date.now() / 1000 + 3600))).toBeLessThan(5);
  });

  it('hands the routes a context they read back as the same caller, after API Gateway turns its numbers into strings', async () => {
    const token = await harness.token('fin', ['finance'], '1h');

    const result = await authorize(authorizerEvent({ token }));

    expect(parseAuthorizerContext(passedOn(result))).toStrictEqual({
      user: 'fin',
      groups: ['finance'],
      expiresAt: result.context.expiresAt,
    });
  });

  it.each([
    ['no query string at all', () => Promise.resolve(null)],
    ['no token parameter', () => Promise.resolve({ user: 'ada', groups: 'admins' })],
    ['an empty token', () => Promise.resolve({ token: '' })],
    ['a token that is not a JWT', () => Promise.resolve({ token: 'let-me-in' })],
    ['a token signed with another key', async () => ({ token: await harness.forgedToken('ada', ['admins']) })],
    [
      'a valid token whose claims were edited to add admins',
      async () => ({ token: tampered(await harness.token('eve', ['viewers']), { 'cognito:groups': ['admins'] }) }),
    ],
    [
      'an unsigned token (alg none)',
      () =>
        Promise.resolve({
          token: unsigned({ sub: 'eve', 'cognito:groups': ['admins'], iss: 'statecraft-local', exp: Math.floor(Date.now() / 1000) + 600 }),
        }),
    ],
  ])('refuses %s with Unauthorized (API Gateway answers 401)', async (_case, query) => {
    const event = authorizerEvent(await query());

    await expect(authorize(event)).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses an expired token', async () => {
    const token = await harness.token('ada', ['viewers'], '1m');
    const later = createWebSocketAuthorizer({
      verifyToken: createTokenVerifier(harness.config.auth, { now: () => Date.now() + 10 * 60_000 }),
    });

    await expect(later(authorizerEvent({ token }))).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses a token living longer than the API accepts', async () => {
    const token = await harness.token('ada', ['viewers'], '30d');

    await expect(authorize(authorizerEvent({ token }))).rejects.toThrow(/^Unauthorized$/);
  });

  it('refuses an event that is not a REQUEST authorizer event', async () => {
    const token = await harness.token('ada', ['viewers']);

    await expect(authorize({ ...authorizerEvent({ token }), type: 'TOKEN' })).rejects.toThrow(/^Unauthorized$/);
  });

  it('is built by the exported handler from the environment on first use', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, harness.env);
    try {
      const token = await harness.token('ada', ['viewers']);

      const result = await handler(authorizerEvent({ token }));

      expect(result.context.user).toBe('ada');
      await expect(handler(authorizerEvent({ token: await harness.forgedToken('ada', ['viewers']) }))).rejects.toThrow(/^Unauthorized$/);
    } finally {
      process.env = saved;
    }
  });
});
