/**
 * The console's runtime configuration, `/config.json` beside index.html: `statecraft dev` serves it
 * (local sign-in, same-origin API), the deploy writes it next to the built console (Cognito hosted
 * UI, and the API and WebSocket URLs). Pure: load-console-config.ts reads it in the browser.
 */

/** Sign-in through the local server, which mints a token for the user and groups a person picks. */
export type LocalAuth = { mode: 'local'; tokenUrl: string; groups: string[] };

/** Sign-in through the Cognito hosted UI with the authorization code and PKCE. */
export type CognitoAuth = {
  mode: 'cognito';
  /** The hosted UI's base URL, e.g. https://statecraft.auth.eu-west-1.amazoncognito.com */
  domain: string;
  /** The user pool's app client for the console (public: no secret). */
  clientId: string;
  /** Scopes to ask for; openid at least, so the token endpoint returns an ID token. */
  scopes?: string[];
};

/** What the console reads at start-up. */
export type ConsoleConfig = {
  auth: LocalAuth | CognitoAuth;
  /** The REST API's base URL; none: this origin. */
  apiUrl?: string;
  /** The live events' WebSocket URL; none: /ws on this origin. */
  webSocketUrl?: string;
};

/** `value` as a ConsoleConfig, or an error naming the field that is wrong. */
export function checkConsoleConfig(value: unknown): ConsoleConfig {
  const config = value as Partial<ConsoleConfig> | null;
  const auth = config?.auth as { mode?: unknown; tokenUrl?: unknown; domain?: unknown; clientId?: unknown } | undefined;
  if (!auth || (auth.mode !== 'local' && auth.mode !== 'cognito')) throw new Error("/config.json: auth.mode must be 'local' or 'cognito'");
  if (auth.mode === 'local' && typeof auth.tokenUrl !== 'string')
    throw new Error('/config.json: auth.tokenUrl is required for local sign-in');
  if (auth.mode === 'cognito') {
    if (!isHttpUrl(auth.domain)) throw new Error('/config.json: auth.domain must be the hosted UI URL (https://…)');
    if (typeof auth.clientId !== 'string' || auth.clientId === '')
      throw new Error('/config.json: auth.clientId is required for Cognito sign-in');
  }
  for (const field of ['apiUrl', 'webSocketUrl'] as const) {
    const url = config?.[field];
    if (url !== undefined && !(typeof url === 'string' && /^(https?|wss?):\/\//.test(url)))
      throw new Error(`/config.json: ${field} must be an absolute URL`);
  }
  return config as ConsoleConfig;
}

/** The URL of an API path (`/api/...`) under the configured API. */
export function apiUrlOf(path: string, config: ConsoleConfig): string {
  return config.apiUrl ? `${config.apiUrl.replace(/\/+$/, '')}${path}` : path;
}

/** The live events' WebSocket URL: the configured one, or /ws on the console's origin. */
export function webSocketUrlOf(config: ConsoleConfig, origin: { protocol: string; host: string }): string {
  if (config.webSocketUrl) return config.webSocketUrl;
  return `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}/ws`;
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^/]+/.test(value);
}
