/**
 * The one setting the live-events functions read beyond api/config.ts: WEBSOCKET_CALLBACK_URL,
 * the connection management endpoint of the WebSocket API's stage. Read once at start-up.
 */
import { ConfigError } from '../../config';

/** `callbackUrl`: `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}` (or a custom domain's), without a trailing slash. */
export type WebSocketConfig = { readonly callbackUrl?: string };

/** Reads WEBSOCKET_CALLBACK_URL from `env` (process.env at the entry point); unset is allowed here, required by whoever needs it. */
export function loadWebSocketConfig(env: Readonly<Record<string, string | undefined>>): WebSocketConfig {
  const value = env.WEBSOCKET_CALLBACK_URL?.trim();
  if (value === undefined || value === '') return Object.freeze({});
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `WEBSOCKET_CALLBACK_URL must be a URL such as https://abc123.execute-api.eu-west-1.amazonaws.com/prod, got '${value}'`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`WEBSOCKET_CALLBACK_URL must be an https URL, got '${value}'`);
  return Object.freeze({ callbackUrl: value.replace(/\/+$/, '') });
}
