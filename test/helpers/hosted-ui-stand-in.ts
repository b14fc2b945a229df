/**
 * A stand-in for the Cognito hosted UI, which cannot run here: the OAuth 2.0 endpoints the console
 * uses (/oauth2/authorize, /oauth2/token, /logout) and the user pool's JWKS, with Cognito's rules
 * for a public client: registered redirect URIs only, S256 PKCE required and checked, codes single
 * use and bound to their client and redirect URI, RS256 ID tokens with `cognito:username` and
 * `cognito:groups`. A sign-in form takes the user name and groups the test types.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** A running stand-in: its URL (the hosted UI domain and, here, the issuer) and the client it knows. */
export type HostedUiStandIn = {
  url: string;
  clientId: string;
  jwksUrl: string;
  issuer: string;
  /** Registers a callback / sign-out URL of the app client (the console's origin is known only once it listens). */
  allowRedirectTo(uri: string): void;
  close(): Promise<void>;
};

type Grant = { clientId: string; redirectUri: string; challenge: string; user: string; groups: string[] };

/** Starts on 127.0.0.1 with a free port. */
export async function startHostedUiStandIn({ clientId = 'console-client' }: { clientId?: string } = {}): Promise<HostedUiStandIn> {
  const redirectUris: string[] = [];
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'stand-in', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  let issuer = '';

  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.get('/.well-known/jwks.json', (_req, res) => void res.json({ keys: [jwk] }));

  app.get('/oauth2/authorize', (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    if (query.client_id !== clientId) return void res.status(400).send('unauthorized_client');
    if (!query.redirect_uri || !redirectUris.includes(query.redirect_uri)) return void res.status(400).send('redirect_mismatch');
    if (query.response_type !== 'code' || query.code_challenge_method !== 'S256' || !query.code_challenge) {
      return void res.redirect(
        `${query.redirect_uri}?${new URLSearchParams({ error: 'invalid_request', error_description: 'code and an S256 code_challenge are required', ...(query.state ? { state: query.state } : {}) })}`,
      );
    }
    const hidden = ['redirect_uri', 'state', 'code_challenge']
      .map((name) => `<input type="hidden" name="${name}" value="${escape(query[name] ?? '')}">`)
      .join('');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><title>Sign in</title><main><h1>Sign in</h1><form method="post" action="/login">${hidden}` +
          '<label>Username <input name="username" required></label><label>Groups <input name="groups"></label>' +
          '<button type="submit">Sign in</button><a href="/cancel?' +
          escape(new URLSearchParams({ redirect_uri: query.redirect_uri, state: query.state ?? '' }).toString()) +
          '">Cancel</a></form></main></html>',
      );
  });

  app.post('/login', (req, res) => {
    const form = req.body as Record<string, string>;
    const code = randomBytes(16).toString('hex');
    grants.set(code, {
      clientId,
      redirectUri: form.redirect_uri,
      challenge: form.code_challenge,
      user: form.username,
      groups: (form.groups ?? '')
        .split(',')
        .map((group) => group.trim())
        .filter(Boolean),
    });
    res.redirect(`${form.redirect_uri}?${new URLSearchParams({ code, state: form.state })}`);
  });

  app.get('/cancel', (req, res) => {
    const query = req.query as Record<string, string>;
    res.redirect(
      `${query.redirect_uri}?${new URLSearchParams({ error: 'access_denied', error_description: 'the user cancelled the sign-in', state: query.state })}`,
    );
  });

  app.options('/oauth2/token', (_req, res) => void res.set(cors()).set('Access-Control-Allow-Headers', 'content-type').sendStatus(204));
  app.post('/oauth2/token', async (req, res) => {
    res.set(cors());
    const form = req.body as Record<string, string | undefined>;
    const grant = form.code ? grants.get(form.code) : undefined;
    if (form.code) grants.delete(form.code);
    if (form.grant_type !== 'authorization_code') return void res.status(400).json({ error: 'unsupported_grant_type' });
    if (!grant || grant.clientId !== form.client_id || grant.redirectUri !== form.redirect_uri)
      return void res.status(400).json({ error: 'invalid_grant' });
    if (!form.code_verifier || createHash('sha256').update(form.code_verifier).digest('base64url') !== grant.challenge)
      return void res.status(400).json({ error: 'invalid_grant', error_description: 'code_verifier does not match' });
    const idToken = await new SignJWT({ 'cognito:username': grant.user, 'cognito:groups': grant.groups, token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(`sub-${grant.user}`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    res.json({ id_token: idToken, access_token: 'not-used-by-the-console', token_type: 'Bearer', expires_in: 3600 });
  });

  app.get('/logout', (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    if (query.client_id !== clientId || !query.logout_uri || !redirectUris.includes(query.logout_uri))
      return void res.status(400).send('invalid logout request');
    res.redirect(query.logout_uri);
  });

  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = url;
  return {
    url,
    clientId,
    issuer,
    jwksUrl: `${url}/.well-known/jwks.json`,
    allowRedirectTo: (uri) => void redirectUris.push(uri),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function cors(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*' };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
