/** The console's runtime configuration and the hosted UI's URLs and PKCE challenge. */
import { createHash } from 'node:crypto';
import { authorizeUrlOf, challengeOf, logoutUrlOf } from '../../web/src/auth/hosted-ui-urls';
import { apiUrlOf, checkConsoleConfig, webSocketUrlOf, type ConsoleConfig } from '../../web/src/config/console-config';

const cognito = { mode: 'cognito', domain: 'https://statecraft.auth.eu-west-1.amazoncognito.com/', clientId: 'abc123' } as const;

describe('checkConsoleConfig', () => {
  it('accepts the local and the Cognito forms', () => {
    expect(checkConsoleConfig({ auth: { mode: 'local', tokenUrl: '/dev/token', groups: [] } }).auth.mode).toBe('local');
    expect(checkConsoleConfig({ auth: cognito, apiUrl: 'https://api.example.com', webSocketUrl: 'wss://ws.example.com/live' }).apiUrl).toBe(
      'https://api.example.com',
    );
  });

  it.each([
    [null, "auth.mode must be 'local' or 'cognito'"],
    [{ auth: { mode: 'saml' } }, "auth.mode must be 'local' or 'cognito'"],
    [{ auth: { mode: 'local' } }, 'auth.tokenUrl is required'],
    [{ auth: { ...cognito, domain: 'statecraft.auth' } }, 'auth.domain must be the hosted UI URL'],
    [{ auth: { ...cognito, clientId: '' } }, 'auth.clientId is required'],
    [{ auth: cognito, apiUrl: '/api' }, 'apiUrl must be an absolute URL'],
    [{ auth: cognito, webSocketUrl: 42 }, 'webSocketUrl must be an absolute URL'],
  ])('refuses %j, naming the field', (value, message) => {
    expect(() => checkConsoleConfig(value)).toThrow(message);
  });
});

describe('API and WebSocket URLs', () => {
  const local: ConsoleConfig = { auth: { mode: 'local', tokenUrl: '/dev/token', groups: [] } };
  it('stay on this origin unless configured', () => {
    expect(apiUrlOf('/api/runs', local)).toBe('/api/runs');
    expect(webSocketUrlOf(local, { protocol: 'https:', host: 'console.example.com' })).toBe('wss://console.example.com/ws');
    expect(webSocketUrlOf(local, { protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/ws');
  });
  it('use the deployed URLs when the deploy names them', () => {
    const deployed: ConsoleConfig = { auth: cognito, apiUrl: 'https://api.example.com/', webSocketUrl: 'wss://ws.example.com/live' };
    expect(apiUrlOf('/api/runs', deployed)).toBe('https://api.example.com/api/runs');
    expect(webSocketUrlOf(deployed, { protocol: 'https:', host: 'console.example.com' })).toBe('wss://ws.example.com/live');
  });
});

describe('hosted UI', () => {
  it('computes the S256 challenge as base64url(SHA-256(verifier))', async () => {
    const verifier = 'dBjftJeZ4CVP-mJ0H1jrgZ7KbHcAoBDFzDAhbvMo6F4';
    expect(await challengeOf(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('asks for a code with the S256 challenge, the state and the console as redirect', () => {
    const url = new URL(authorizeUrlOf(cognito, 'https://console.example.com/', 'the-state', 'the-challenge'));
    expect(url.origin + url.pathname).toBe('https://statecraft.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc123',
      redirect_uri: 'https://console.example.com/',
      scope: 'openid email profile',
      state: 'the-state',
      code_challenge: 'the-challenge',
      code_challenge_method: 'S256',
    });
  });

  it('signs out at the hosted UI and comes back to the console', () => {
    expect(logoutUrlOf(cognito, 'https://console.example.com')).toBe(
      'https://statecraft.auth.eu-west-1.amazoncognito.com/logout?client_id=abc123&logout_uri=https%3A%2F%2Fconsole.example.com%2F',
    );
  });
});
