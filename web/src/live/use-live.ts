/** Subscribes a component to live events of a topic for as long as it is shown. */
import { useEffect, useRef } from 'react';
import { currentSession } from '../auth/session';
import { webSocketUrlOf } from '../config/console-config';
import { consoleConfig } from '../config/load-console-config';
import { LiveSocket, type LiveEvent, type LiveTopic } from './live-socket';

let shared: LiveSocket | undefined;

/** The tab's live socket (created on first use, at the configured URL or /ws of this origin). */
function liveSocket(): LiveSocket {
  const config = consoleConfig();
  // A configured URL is API Gateway's WebSocket API, whose authorizer reads the token from the query.
  shared ??= new LiveSocket(webSocketUrlOf(config, location), () => currentSession()?.token, {
    tokenInQuery: config.webSocketUrl !== undefined,
  });
  return shared;
}

/** Closes the socket (sign-out); the next use opens one for the new user. */
export function closeLiveSocket(): void {
  shared?.close();
  shared = undefined;
}

/** Calls `onEvent` for each event of `topic` (none: nothing). */
export function useLive(topic: LiveTopic | undefined, onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = topic ? JSON.stringify(topic) : undefined;
  useEffect(() => {
    if (!key) return;
    return liveSocket().on(JSON.parse(key) as LiveTopic, (event) => handler.current(event));
  }, [key]);
}
