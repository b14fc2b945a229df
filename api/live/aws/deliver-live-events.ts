/**
 * Fan-out of live events on AWS: each stored connection gets, in order, the events that match one
 * of its topics and whose workflow its caller may read (the access rule, checked per event as the
 * local hub does). Connections API Gateway reports gone are forgotten; connections whose token has
 * expired are closed, as the local server closes them at expiry.
 */
import { silentLogger, type ApiLogger } from '../../logger';
import { topicMatches, type LiveEvent } from '../live-event';
import type { AccessOf } from '../live-socket-server';
import { callerOfConnection, hasExpired, type ConnectionStore, type StoredConnection } from './connection-store';
import type { ConnectionsApi } from './connections-api';
import { mayRead } from './may-read';

/** Where the connections are and how to reach them. */
export type DeliveryDeps = {
  store: ConnectionStore;
  connections: ConnectionsApi;
  accessOf: AccessOf;
  now?: () => number;
  logger?: ApiLogger;
};

/** Messages sent, and connections found gone, expired (closed) or failing (logged, kept). */
export type DeliveryReport = { sent: number; gone: number; expired: number; failed: number };

/** Sends `events` to every connection that subscribed to them and may read them. */
export async function deliverLiveEvents(deps: DeliveryDeps, events: readonly LiveEvent[]): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, gone: 0, expired: 0, failed: 0 };
  if (events.length === 0) return report;
  const connections = await deps.store.list();
  await Promise.all(connections.map((connection) => deliverTo(deps, connection, events, report)));
  return report;
}

/** One connection: a failure here is logged and never keeps the events from the others. */
async function deliverTo(
  deps: DeliveryDeps,
  connection: StoredConnection,
  events: readonly LiveEvent[],
  report: DeliveryReport,
): Promise<void> {
  const { store, connections, accessOf, now = Date.now, logger = silentLogger } = deps;
  const { connectionId } = connection;
  try {
    if (hasExpired(connection, now())) {
      report.expired += 1;
      await connections.close(connectionId);
      return await store.delete(connectionId);
    }
    const caller = callerOfConnection(connection);
    const wanted = events.filter(
      (event) => connection.topics.some((topic) => topicMatches(topic, event)) && mayRead(caller, event.workflow, accessOf),
    );
    for (const event of wanted) {
      if (!(await connections.post(connectionId, event))) {
        report.gone += 1;
        return await store.delete(connectionId);
      }
      report.sent += 1;
    }
  } catch (error) {
    report.failed += 1;
    logger.error('live: delivery failed', { connectionId, error: String(error) });
  }
}
