/** The hosted UI's URLs and the PKCE challenge (RFC 7636), pure so they are tested outside the browser. */
import type { CognitoAuth } from '../config/console-config';

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** Where the hosted UI sends the browser back: the console's root (the deploy registers it as the callback URL). */
export function redirectUriOf(origin: string): string {
  return `${origin}/`;
}

/** The hosted UI's authorize URL for this sign-in. */
export function authorizeUrlOf(auth: CognitoAuth, redirectUri: string, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri,
    scope: (auth.scopes ?? DEFAULT_SCOPES).join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${trimSlash(auth.domain)}/oauth2/authorize?${query}`;
}

/** The hosted UI's logout URL, which ends its own session too and comes back to the console. */
export function logoutUrlOf(auth: CognitoAuth, origin: string): string {
  return `${trimSlash(auth.domain)}/logout?${new URLSearchParams({ client_id: auth.clientId, logout_uri: redirectUriOf(origin) })}`;
}

/** The S256 code challenge of `verifier`: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** `bytes` random bytes, base64url: PKCE verifiers and OAuth states. */
export function randomUrlSafe(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** `url` without trailing slashes. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
