import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConnectionStore, connectionsTableSpec } from '../../../../api/live/aws/connection-store';
import { ensureTable } from '../../../../api/storage/ensure-table';
import { startLiveAwsHarness, type LiveAwsHarness } from './live-aws-harness';

let harness: LiveAwsHarness;
let store: ConnectionStore;

beforeAll(async () => {
  harness = await startLiveAwsHarness();
  store = harness.store;
});

afterAll(() => harness.stop());

const ADA = { user: 'ada', groups: ['viewers'], expiresAt: 1_900_000_000 };

describe('ConnectionStore', () => {
  it('keeps who a connection is, its topics and its expiry', async () => {
    await store.put('c-1', ADA, '2024-05-01T10:00:00.000Z');
    await store.subscribe('c-1', { kind: 'workflow', workflow: 'deploy-service' });
    await store.subscribe('c-1', { kind: 'run', runId: 'run-1' });
    await store.subscribe('c-1', { kind: 'run', runId: 'run-1' });

    const stored = await store.get('c-1');

    expect(stored).toStrictEqual({
      connectionId: 'c-1',
      user: 'ada',
      groups: ['viewers'],
      topics: expect.arrayContaining([
        { kind: 'workflow', workflow: 'deploy-service' },
        { kind: 'run', runId: 'run-1' },
      ]),
      expiresAt: 1_900_000_000,
      connectedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(stored?.topics).toHaveLength(2);
  });

  it('refuses to subscribe or re-authenticate a connection that is gone', async () => {
    expect(await store.subscribe('c-gone', { kind: 'all' })).toBe(false);
    expect(await store.reauthenticate('c-gone', ADA)).toBe(false);
    expect(await store.get('c-gone')).toBeUndefined();
  });

  it('never re-authenticates a connection as another user', async () => {
    await store.put('c-2', ADA, '2024-05-01T10:00:00.000Z');

    const refreshed = await store.reauthenticate('c-2', { user: 'fin', groups: ['finance'], expiresAt: 1_900_000_500 });

    expect(refreshed).toBe(false);
    expect(await store.get('c-2')).toMatchObject({ user: 'ada', groups: ['viewers'], expiresAt: 1_900_000_000 });
  });

  it('lists every connection across Scan pages', async () => {
    const table = 'live-connections-paged';
    await ensureTable(harness.dynamodb, connectionsTableSpec(table));
    const paged = new ConnectionStore(harness.dynamodb, table);
    const documents = DynamoDBDocumentClient.from(harness.dynamodb);
    // Items near DynamoDB's 400 KB limit: five of them take more than one 1 MB Scan page.
    const groups = Array.from({ length: 38 }, (_, index) => `group-${index}-${'g'.repeat(10_000)}`);
    for (const id of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) {
      await documents.send(
        new PutCommand({
          TableName: table,
          Item: { connectionId: id, user: 'ada', groups, topics: {}, expiresAt: 1_900_000_000, connectedAt: '2024-05-01T10:00:00.000Z' },
        }),
      );
    }

    const listed = await paged.list();

    expect(listed.map((each) => each.connectionId).sort()).toStrictEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
  });
});
