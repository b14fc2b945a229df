import { GetConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { connectionsApiOf, type ConnectionsApi } from '../../../../api/live/aws/connections-api';
import { startConnectionsApiStandIn, type ConnectionsApiStandIn } from '../../../helpers/connections-api-stand-in';

let standIn: ConnectionsApiStandIn;
let api: ConnectionsApi;

beforeAll(async () => {
  standIn = await startConnectionsApiStandIn({ stage: 'prod' });
  api = connectionsApiOf(standIn.client);
});

afterAll(() => standIn.stop());

describe('the connection management API (through the real SDK client)', () => {
  it('posts a message as one JSON frame to an open connection', async () => {
    standIn.open('TDBTTTljT0Z2SGNDSWh3PQ==');

    const sent = await api.post('TDBTTTljT0Z2SGNDSWh3PQ==', { type: 'pong', lastSeq: 7 });

    expect(sent).toBe(true);
    expect(standIn.received('TDBTTTljT0Z2SGNDSWh3PQ==')).toStrictEqual([{ type: 'pong', lastSeq: 7 }]);
  });

  it('reports a connection that is gone (410 GoneException) as not sent', async () => {
    expect(await api.post('bmV2ZXJvcGVu', { type: 'pong', lastSeq: 0 })).toBe(false);
  });

  it('closes a connection, and closing one already gone is fine', async () => {
    standIn.open('Y2xvc2VtZQ==');

    await api.close('Y2xvc2VtZQ==');
    await api.close('Y2xvc2VtZQ==');

    expect(standIn.isOpen('Y2xvc2VtZQ==')).toBe(false);
    expect(await api.post('Y2xvc2VtZQ==', { type: 'pong', lastSeq: 0 })).toBe(false);
  });

  it('describes an open connection as GetConnection does', async () => {
    standIn.open('ZGVzY3JpYmU=');

    const described = await standIn.client.send(new GetConnectionCommand({ ConnectionId: 'ZGVzY3JpYmU=' }));

    expect(described.ConnectedAt).toBeInstanceOf(Date);
    expect(described.Identity).toStrictEqual({ SourceIp: '203.0.113.7', UserAgent: 'stand-in' });
  });

  it('passes on errors other than gone (a message over 128 KiB)', async () => {
    standIn.open('YmlnZ2Vy');

    await expect(api.post('YmlnZ2Vy', { text: 'x'.repeat(130 * 1024) })).rejects.toMatchObject({ name: 'PayloadTooLargeException' });
  });
});
