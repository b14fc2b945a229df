import { loadConfig } from '../../api/config';

describe('loadConfig', () => {
  it('defaults to the embedded stack and freezes the result', () => {
    const config = loadConfig({});

    expect(config).toStrictEqual({
      port: 3000,
      host: '127.0.0.1',
      region: 'us-east-1',
      accountId: '123456789012',
      sfnEndpoint: 'http://127.0.0.1:8083',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      lex: { endpoint: 'http://127.0.0.1:8084', botId: 'STATECRAFT', botAliasId: 'TSTALIASID', localeId: 'en_US' },
      dataDir: '.statecraft',
      auth: { mode: 'local', keyFile: '.statecraft/api-signing-key' },
      maxTokenLifetimeSeconds: 86400,
      tables: { approvals: 'approvals', runs: 'runs', chatSessions: 'chat-sessions', connections: 'live-connections' },
      stateMachinePrefix: '',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads cognito settings, trimmed', () => {
    const config = loadConfig({
      AUTH_MODE: ' cognito ',
      COGNITO_JWKS_URL: 'https://example.com/jwks.json',
      COGNITO_ISSUER: 'https://issuer',
      COGNITO_AUDIENCE: 'client',
      SFN_ENDPOINT: 'aws',
    });

    expect(config.auth).toStrictEqual({
      mode: 'cognito',
      jwksUrl: 'https://example.com/jwks.json',
      issuer: 'https://issuer',
      audience: 'client',
    });
    expect(config.sfnEndpoint).toBeUndefined();
  });

  it('reads the deployed bot, and the real Lex runtime for LEX_ENDPOINT=aws', () => {
    const config = loadConfig({ LEX_ENDPOINT: 'aws', LEX_BOT_ID: 'ABCDEFGHIJ', LEX_BOT_ALIAS_ID: 'KLMNOPQRST', LEX_LOCALE_ID: 'en_GB' });

    expect(config.lex).toStrictEqual({ endpoint: undefined, botId: 'ABCDEFGHIJ', botAliasId: 'KLMNOPQRST', localeId: 'en_GB' });
  });

  it('reads the stage-prefixed table names and state machine prefix a deploy sets', () => {
    const config = loadConfig({
      APPROVALS_TABLE: 'statecraft-prod-approvals',
      RUNS_TABLE: 'statecraft-prod-runs',
      STATE_MACHINE_PREFIX: 'statecraft-prod-',
    });

    expect(config.tables).toStrictEqual({
      approvals: 'statecraft-prod-approvals',
      runs: 'statecraft-prod-runs',
      chatSessions: 'chat-sessions',
      connections: 'live-connections',
    });
    expect(config.stateMachinePrefix).toBe('statecraft-prod-');
  });

  it('reads the longest token lifetime the API accepts', () => {
    const config = loadConfig({ TOKEN_MAX_LIFETIME_SECONDS: ' 3600 ' });

    expect(config.maxTokenLifetimeSeconds).toBe(3600);
  });

  it.each([
    [{ PORT: 'http' }, 'PORT must be a port number'],
    [{ AUTH_MODE: 'ldap' }, "AUTH_MODE must be 'local' or 'cognito'"],
    [{ AUTH_MODE: 'cognito' }, 'COGNITO_JWKS_URL is required'],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '0' }, "TOKEN_MAX_LIFETIME_SECONDS must be a positive integer (seconds), got '0'"],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '-60' }, 'TOKEN_MAX_LIFETIME_SECONDS must be a positive integer'],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '1.5' }, 'TOKEN_MAX_LIFETIME_SECONDS must be a positive integer'],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '1e3' }, 'TOKEN_MAX_LIFETIME_SECONDS must be a positive integer'],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '24h' }, 'TOKEN_MAX_LIFETIME_SECONDS must be a positive integer'],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
