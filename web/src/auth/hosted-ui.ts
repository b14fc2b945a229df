/**
 * Sign-in on AWS through the Cognito hosted UI: OAuth 2.0 authorization code with PKCE (RFC 7636),
 * as a public client (no secret in the browser). The verifier and state wait in sessionStorage
 * while the browser is at the hosted UI; on return the code is exchanged for an ID token, which
 * carries the user (`cognito:username`) and groups the API authorizes with.
 */
import type { CognitoAuth } from '../config/console-config';
import { authorizeUrlOf, challengeOf, randomUrlSafe, redirectUriOf, trimSlash } from './hosted-ui-urls';
import { signIn } from './session';

const PENDING_KEY = 'statecraft.sign-in';

/** What is kept between leaving for the hosted UI and coming back. */
type PendingSignIn = { state: string; verifier: string; returnTo: string };

/** Leaves for the hosted UI; the browser comes back to redirectUriOf() with ?code&state. */
export async function beginHostedUiSignIn(auth: CognitoAuth): Promise<void> {
  const pending: PendingSignIn = { state: randomUrlSafe(16), verifier: randomUrlSafe(48), returnTo: location.hash };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizeUrlOf(auth, redirectUriOf(location.origin), pending.state, await challengeOf(pending.verifier)));
}

/**
 * Finishes a sign-in when the URL carries the hosted UI's answer (?code&state or ?error): checks the
 * state, exchanges the code with the verifier, keeps the ID token, and puts the URL back to the page
 * the person left from. Resolves to false when the URL carries no answer; rejects with plain words.
 */
export async function completeHostedUiSignIn(auth: CognitoAuth, url: URL = new URL(location.href)): Promise<boolean> {
  const code = url.searchParams.get('code');
  const error = url.searchParams.get('error');
  if (!code && !error) return false;
  const pending = takePending();
  history.replaceState(null, '', `${url.pathname}${pending?.returnTo ?? ''}`);
  if (error) throw new Error(`The sign-in page refused: ${url.searchParams.get('error_description') ?? error}.`);
  if (!pending || url.searchParams.get('state') !== pending.state) {
    throw new Error('This sign-in did not start in this tab (its state does not match), so it was not used. Sign in again.');
  }
  const response = await fetch(`${trimSlash(auth.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code: code as string,
      redirect_uri: redirectUriOf(url.origin),
      code_verifier: pending.verifier,
    }),
  }).catch(() => undefined);
  if (!response) throw new Error('The sign-in service cannot be reached. Check your connection and sign in again.');
  const body = (await response.json().catch(() => ({}))) as { id_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.id_token) {
    throw new Error(
      `The sign-in could not be completed (${body.error_description ?? body.error ?? `the token endpoint answered ${response.status}`}). Sign in again.`,
    );
  }
  signIn(body.id_token);
  return true;
}

function takePending(): PendingSignIn | undefined {
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  return stored ? (JSON.parse(stored) as PendingSignIn) : undefined;
}
