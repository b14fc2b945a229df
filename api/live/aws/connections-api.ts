/**
 * API Gateway's connection management API (`@connections`), through which the functions send to
 * and close WebSocket connections: a 410 GoneException means the client has already left.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
 */
import { ApiGatewayManagementApiClient, DeleteConnectionCommand, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';

/** Sends to and closes connections. */
export type ConnectionsApi = {
  /** Sends `message` as one JSON text frame; false when the connection is gone. */
  post(connectionId: string, message: object): Promise<boolean>;
  /** Closes the connection (already gone is fine). */
  close(connectionId: string): Promise<void>;
};

/** The management API at `endpoint` (`https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`). */
export function createConnectionsApi(endpoint: string, region: string): ConnectionsApi {
  return connectionsApiOf(new ApiGatewayManagementApiClient({ region, endpoint }));
}

/** Wraps a client (tests point theirs at a stand-in). */
export function connectionsApiOf(client: ApiGatewayManagementApiClient): ConnectionsApi {
  return {
    async post(connectionId, message) {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(message) }));
        return true;
      } catch (error) {
        if (isGone(error)) return false;
        throw error;
      }
    },
    async close(connectionId) {
      try {
        await client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}

function isGone(error: unknown): boolean {
  return error instanceof Error && error.name === 'GoneException';
}
