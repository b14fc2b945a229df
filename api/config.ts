/**
 * The API's configuration, read from the environment once at start-up (STYLE.md §3): typed,
 * trimmed, frozen, with defaults for the embedded stack so `make dev` needs none.
 */
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_API_PORT,
  DEFAULT_DATA_DIR,
  DEFAULT_DYNAMODB_PORT,
  DEFAULT_LEX_PORT,
  DEFAULT_REGION,
  DEFAULT_SFN_PORT,
  LOCAL_HOST,
  localUrl,
} from '../workflows/local-defaults';

/** How bearer tokens are verified: an HS256 key in the data dir, or a Cognito user pool's JWKS. */
export type AuthConfig =
  | { readonly mode: 'local'; readonly keyFile: string }
  | { readonly mode: 'cognito'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };

/** The physical names of the tables the product keeps its own data in. */
export type ProductTables = {
  readonly approvals: string;
  readonly runs: string;
  readonly chatSessions: string;
  readonly connections: string;
};

/** The table names of the embedded stack; on AWS the deploy sets APPROVALS_TABLE, RUNS_TABLE, CHAT_SESSIONS_TABLE and CONNECTIONS_TABLE. */
export const DEFAULT_TABLES: ProductTables = Object.freeze({
  approvals: 'approvals',
  runs: 'runs',
  chatSessions: 'chat-sessions',
  connections: 'live-connections',
});

/** Everything the API process needs to know. */
export type ApiConfig = {
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly accountId: string;
  readonly sfnEndpoint?: string;
  readonly dynamodbEndpoint?: string;
  /** The Lex V2 runtime (the local one by default) and the bot the chat talks to. */
  readonly lex: { readonly endpoint?: string; readonly botId: string; readonly botAliasId: string; readonly localeId: string };
  readonly dataDir: string;
  /** The product's DynamoDB tables (stage-prefixed names on AWS, the plain names locally). */
  readonly tables: ProductTables;
  /** Put before each workflow's name to make its state machine's name (`statecraft-prod-` on AWS, none locally). */
  readonly stateMachinePrefix: string;
  readonly auth: AuthConfig;
  /** The longest a bearer token may live (`exp` − `iat`), in seconds; longer ones are refused. */
  readonly maxTokenLifetimeSeconds: number;
};

/** The embedded stack's ports, region, account and data dir live in workflows/local-defaults.ts; these name them for the API. */
export { DEFAULT_ACCOUNT_ID, DEFAULT_DATA_DIR, DEFAULT_REGION };
export const DEFAULT_PORT = DEFAULT_API_PORT;
export const DEFAULT_HOST = LOCAL_HOST;
export const DEFAULT_SFN_ENDPOINT = localUrl(DEFAULT_SFN_PORT);
export const DEFAULT_DYNAMODB_ENDPOINT = localUrl(DEFAULT_DYNAMODB_PORT);
export const DEFAULT_LEX_ENDPOINT = localUrl(DEFAULT_LEX_PORT);
/** The local Lex runtime's bot and its test alias (on AWS the deploy sets the real ids). */
export const DEFAULT_LEX_BOT_ID = 'STATECRAFT';
export const DEFAULT_LEX_BOT_ALIAS_ID = 'TSTALIASID';
export const DEFAULT_LEX_LOCALE_ID = 'en_US';
/** Tokens may live a day at most: Cognito's longest ID token, and `statecraft token`'s longest --ttl. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** The local HS256 key's file name inside the data dir (shared with `statecraft token`). */
export const SIGNING_KEY_FILE = 'api-signing-key';

/** Thrown when the environment holds a value the API cannot use. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Builds the frozen config from `env` (process.env at the entry point). Endpoints set to `aws` use the real service. */
export function loadConfig(env: Env): ApiConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const dataDir = read('STATECRAFT_DATA_DIR') ?? DEFAULT_DATA_DIR;
  const endpoint = (name: string, fallback: string) => {
    const value = read(name) ?? fallback;
    return value === 'aws' ? undefined : value;
  };
  const config: ApiConfig = {
    port: port(read('PORT')),
    host: read('HOST') ?? DEFAULT_HOST,
    region: read('AWS_REGION') ?? DEFAULT_REGION,
    accountId: read('STATECRAFT_ACCOUNT_ID') ?? DEFAULT_ACCOUNT_ID,
    sfnEndpoint: endpoint('SFN_ENDPOINT', DEFAULT_SFN_ENDPOINT),
    dynamodbEndpoint: endpoint('DYNAMODB_ENDPOINT', DEFAULT_DYNAMODB_ENDPOINT),
    lex: Object.freeze({
      endpoint: endpoint('LEX_ENDPOINT', DEFAULT_LEX_ENDPOINT),
      botId: read('LEX_BOT_ID') ?? DEFAULT_LEX_BOT_ID,
      botAliasId: read('LEX_BOT_ALIAS_ID') ?? DEFAULT_LEX_BOT_ALIAS_ID,
      localeId: read('LEX_LOCALE_ID') ?? DEFAULT_LEX_LOCALE_ID,
    }),
    dataDir,
    tables: Object.freeze({
      approvals: read('APPROVALS_TABLE') ?? DEFAULT_TABLES.approvals,
      runs: read('RUNS_TABLE') ?? DEFAULT_TABLES.runs,
      chatSessions: read('CHAT_SESSIONS_TABLE') ?? DEFAULT_TABLES.chatSessions,
      connections: read('CONNECTIONS_TABLE') ?? DEFAULT_TABLES.connections,
    }),
    stateMachinePrefix: read('STATE_MACHINE_PREFIX') ?? '',
    auth: auth(read, dataDir),
    maxTokenLifetimeSeconds: positiveInteger(
      'TOKEN_MAX_LIFETIME_SECONDS',
      read('TOKEN_MAX_LIFETIME_SECONDS'),
      DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
    ),
  };
  return Object.freeze({ ...config, auth: Object.freeze(config.auth) });
}

function port(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new ConfigError(`PORT must be a port number from 0 to 65535, got '${value}'`);
  return parsed;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed <= 0)
    throw new ConfigError(`${name} must be a positive integer (seconds), got '${value}'`);
  return parsed;
}

function auth(read: (name: string) => string | undefined, dataDir: string): AuthConfig {
  const mode = read('AUTH_MODE') ?? 'local';
  if (mode === 'local') return { mode, keyFile: `${dataDir}/${SIGNING_KEY_FILE}` };
  if (mode !== 'cognito') throw new ConfigError(`AUTH_MODE must be 'local' or 'cognito', got '${mode}'`);
  const required = (name: string) => {
    const value = read(name);
    if (value === undefined) throw new ConfigError(`${name} is required when AUTH_MODE is 'cognito'`);
    return value;
  };
  return { mode, jwksUrl: required('COGNITO_JWKS_URL'), issuer: required('COGNITO_ISSUER'), audience: required('COGNITO_AUDIENCE') };
}
