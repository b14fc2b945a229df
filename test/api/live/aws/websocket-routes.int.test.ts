import { createWebSocketAuthorizer } from '../../../../api/live/aws/websocket-authorizer';
import { createWebSocketRoutes, type WebSocketRoutes } from '../../../../api/live/aws/websocket-routes';
import { authorizerEvent, connectEvent, disconnectEvent, messageEvent, passedOn } from './api-gateway-events';
import { startLiveAwsHarness, type LiveAwsHarness } from './live-aws-harness';

let harness: LiveAwsHarness;
let routes: WebSocketRoutes;
let clock: { now: number };
let opened = 0;

beforeAll(async () => {
  harness = await startLiveAwsHarness();
  clock = { now: Date.now() };
  routes = createWebSocketRoutes({
    store: harness.store,
    connectionsFor: () => harness.connections,
    verifyToken: harness.verifyToken,
    accessOf: harness.catalogue.accessOf,
    now: () => clock.now,
  });
});

afterAll(() => harness.stop());

beforeEach(() => {
  clock.now = Date.now();
  harness.standIn.reset();
});

/** Opens a connection as API Gateway does: the authorizer verifies the URL's token, then `$connect` runs with its context. */
async function connect(user: string, groups: readonly string[], query: Record<string, string> = {}) {
  const connectionId = `Y29ubiR7b3BlbmVkfQ${(opened += 1)}=`;
  const token = await harness.token(user, groups);
  const authorized = await createWebSocketAuthorizer({ verifyToken: harness.verifyToken })(
    authorizerEvent({ ...query, token }, connectionId),
  );
  const authorizer = passedOn(authorized);
  const response = await routes(connectEvent(connectionId, authorizer, { ...query, token }));
  expect(response).toStrictEqual({ statusCode: 200 });
  harness.standIn.open(connectionId);
  const send = async (message: unknown, isBase64Encoded = false) => {
    const before = harness.standIn.received(connectionId).length;
    expect(await routes(messageEvent(connectionId, authorizer, message, isBase64Encoded))).toStrictEqual({ statusCode: 200 });
    return harness.standIn.received(connectionId).slice(before);
  };
  return { connectionId, token, authorizer, send };
}

describe('$connect', () => {
  it('stores the caller the authorizer verified, subscribed to nothing, until the token expires', async () => {
    const { connectionId } = await connect('ada', ['viewers']);

    const stored = await harness.store.get(connectionId);

    expect(stored).toMatchObject({ connectionId, user: 'ada', groups: ['viewers'], topics: [] });
    expect(Math.abs((stored?.expiresAt ?? 0) - (Date.now() / 1000 + 8 * 3600))).toBeLessThan(5);
  });

  it('takes identity only from the authorizer: user and groups on the URL are ignored', async () => {
    const { connectionId } = await connect('eve', ['viewers'], { user: 'fin', groups: '["finance","admins"]' });

    expect(await harness.store.get(connectionId)).toMatchObject({ user: 'eve', groups: ['viewers'] });
  });

  it.each([
    ['no authorizer context (a route deployed without the authorizer)', undefined],
    ['a context without a user', { groups: '["admins"]', expiresAt: String(Math.floor(Date.now() / 1000) + 600), principalId: '' }],
    [
      'groups that are not a JSON list',
      { user: 'eve', groups: 'admins', expiresAt: String(Math.floor(Date.now() / 1000) + 600), principalId: 'eve' },
    ],
    [
      'an expired token (a cached authorizer result)',
      { user: 'eve', groups: '["viewers"]', expiresAt: String(Math.floor(Date.now() / 1000) - 1), principalId: 'eve' },
    ],
  ])('refuses %s with 401 and stores nothing', async (_case, authorizer) => {
    const response = await routes(connectEvent('cmVmdXNlZA=', authorizer, { token: 'anything' }));

    expect(response).toStrictEqual({ statusCode: 401 });
    expect(await harness.store.get('cmVmdXNlZA=')).toBeUndefined();
  });
});

describe('$default', () => {
  it("answers the console's first auth message with ready, as the local server does", async () => {
    const { send, token } = await connect('ada', ['viewers']);

    const replies = await send({ type: 'auth', token });

    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number };
    expect(replies).toStrictEqual([{ type: 'ready', user: 'ada', expiresAt: exp * 1000 }]);
  });

  it('takes the groups and expiry of a fresh token of the same user', async () => {
    const { send, connectionId } = await connect('ada', ['viewers']);

    const replies = await send({ type: 'auth', token: await harness.token('ada', ['finance'], '2h') });

    expect(replies).toMatchObject([{ type: 'ready', user: 'ada' }]);
    const stored = await harness.store.get(connectionId);
    expect(stored).toMatchObject({ user: 'ada', groups: ['finance'] });
    expect(Math.abs((stored?.expiresAt ?? 0) - (Date.now() / 1000 + 7200))).toBeLessThan(5);
  });

  it('never becomes another user: a valid token of someone else gets user-mismatch and changes nothing', async () => {
    const { send, connectionId } = await connect('eve', ['viewers']);
    const before = await harness.store.get(connectionId);

    const replies = await send({ type: 'auth', token: await harness.token('fin', ['finance']) });

    expect(replies).toStrictEqual([
      {
        type: 'error',
        code: 'user-mismatch',
        message: 'this connection stays authenticated as eve: re-authenticate with a token of the same user',
      },
    ]);
    expect(await harness.store.get(connectionId)).toStrictEqual(before);
    expect(await send({ type: 'subscribe', workflow: 'refund-request' })).toMatchObject([{ type: 'error', code: 'forbidden' }]);
  });

  it.each([
    ['signed with another key', () => harness.forgedToken('eve', ['admins'])],
    ['not a JWT', () => Promise.resolve('let-me-in')],
  ])('closes the connection on an auth token %s, as the local server does', async (_case, token) => {
    const { send, connectionId } = await connect('eve', ['viewers']);

    const replies = await send({ type: 'auth', token: await token() });

    expect(replies).toStrictEqual([]);
    expect(harness.standIn.closed).toStrictEqual([connectionId]);
    expect(await harness.store.get(connectionId)).toBeUndefined();
  });

  it('subscribes to a readable workflow and records the topic', async () => {
    const { send, connectionId } = await connect('ada', ['viewers']);

    const replies = await send({ type: 'subscribe', workflow: 'deploy-service' });

    expect(replies).toStrictEqual([
      { type: 'subscribed', topic: { kind: 'workflow', workflow: 'deploy-service' }, replayed: 0, truncated: false, lastSeq: clock.now },
    ]);
    expect((await harness.store.get(connectionId))?.topics).toStrictEqual([{ kind: 'workflow', workflow: 'deploy-service' }]);
  });

  it('replays nothing for since and says so with truncated, so the client re-reads over REST', async () => {
    const { send } = await connect('ada', ['viewers']);

    const replies = await send({ type: 'subscribe', runId: 'run-7', since: 42 });

    expect(replies).toStrictEqual([
      { type: 'subscribed', topic: { kind: 'run', runId: 'run-7' }, replayed: 0, truncated: true, lastSeq: clock.now },
    ]);
  });

  it('refuses a subscription to a workflow the caller may not read, and records nothing', async () => {
    const { send, connectionId } = await connect('eve', ['viewers']);

    const replies = await send({ type: 'subscribe', workflow: 'refund-request' });

    expect(replies).toStrictEqual([
      {
        type: 'error',
        code: 'forbidden',
        message: 'you may not read runs of refund-request',
        topic: { kind: 'workflow', workflow: 'refund-request' },
      },
    ]);
    expect((await harness.store.get(connectionId))?.topics).toStrictEqual([]);
  });

  it('ignores user and groups a client puts in its messages', async () => {
    const { send } = await connect('eve', ['viewers']);

    const replies = await send({ type: 'subscribe', workflow: 'refund-request', user: 'fin', groups: ['finance', 'admins'] });

    expect(replies).toMatchObject([{ type: 'error', code: 'forbidden' }]);
  });

  it('lets finance subscribe to the finance-only workflow', async () => {
    const { send } = await connect('fin', ['finance']);

    expect(await send({ type: 'subscribe', workflow: 'refund-request' })).toMatchObject([
      { type: 'subscribed', topic: { kind: 'workflow', workflow: 'refund-request' } },
    ]);
  });

  it('unsubscribes, saying whether the topic was subscribed', async () => {
    const { send, connectionId } = await connect('ada', ['viewers']);
    await send({ type: 'subscribe', all: true });

    const first = await send({ type: 'unsubscribe', all: true });
    const second = await send({ type: 'unsubscribe', all: true });

    expect([...first, ...second]).toStrictEqual([
      { type: 'unsubscribed', topic: { kind: 'all' }, wasSubscribed: true },
      { type: 'unsubscribed', topic: { kind: 'all' }, wasSubscribed: false },
    ]);
    expect((await harness.store.get(connectionId))?.topics).toStrictEqual([]);
  });

  it('answers ping with pong', async () => {
    const { send } = await connect('ada', ['viewers']);

    expect(await send({ type: 'ping' })).toStrictEqual([{ type: 'pong', lastSeq: clock.now }]);
  });

  it.each([
    ['text that is not JSON', 'hello', false, 'messages are JSON objects'],
    ['an unknown type', { type: 'become', user: 'admin' }, false, 'type is one of auth, subscribe, unsubscribe, ping'],
    [
      'a topic naming two things',
      { type: 'subscribe', all: true, workflow: 'deploy-service' },
      false,
      'name exactly one of all: true, workflow or runId',
    ],
    ['a binary frame', Buffer.from('{"type":"ping"}').toString('base64'), true, 'messages are JSON text'],
  ])('answers %s with bad-message and stays open', async (_case, body, binary, reason) => {
    const { send, connectionId } = await connect('ada', ['viewers']);

    expect(await send(body, binary)).toStrictEqual([{ type: 'error', code: 'bad-message', message: reason }]);
    expect(harness.standIn.isOpen(connectionId)).toBe(true);
  });

  it('closes a connection whose token has expired instead of answering it', async () => {
    const { send, connectionId } = await connect('ada', ['viewers']);
    clock.now += 9 * 3600_000;

    expect(await send({ type: 'subscribe', all: true })).toStrictEqual([]);
    expect(harness.standIn.closed).toStrictEqual([connectionId]);
    expect(await harness.store.get(connectionId)).toBeUndefined();
  });

  it('closes a connection it has no record of (never connected through $connect)', async () => {
    harness.standIn.open('bm9yZWNvcmQ=');

    await routes(
      messageEvent(
        'bm9yZWNvcmQ=',
        { user: 'fin', groups: '["admins"]', expiresAt: String(Math.floor(Date.now() / 1000) + 600) },
        { type: 'subscribe', all: true },
      ),
    );

    expect(harness.standIn.closed).toStrictEqual(['bm9yZWNvcmQ=']);
    expect(harness.standIn.received('bm9yZWNvcmQ=')).toStrictEqual([]);
  });

  it('forgets a connection that left before its reply arrived', async () => {
    const { send, connectionId } = await connect('ada', ['viewers']);
    harness.standIn.drop(connectionId);

    await send({ type: 'ping' });

    expect(await harness.store.get(connectionId)).toBeUndefined();
  });
});

describe('$disconnect', () => {
  it('forgets the connection', async () => {
    const { connectionId, authorizer } = await connect('ada', ['viewers']);

    expect(await routes(disconnectEvent(connectionId, authorizer))).toStrictEqual({ statusCode: 200 });

    expect(await harness.store.get(connectionId)).toBeUndefined();
  });
});
