/** Who is signed in: a verified bearer token kept for the tab (sessionStorage), with the user and groups it names. */

/** The signed-in user. */
export type Session = { token: string; user: string; groups: string[]; expiresAt: number };

const KEY = 'statecraft.session';
const listeners = new Set<() => void>();

/** The session, unless there is none or it has expired. */
export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  const session = JSON.parse(stored) as Session;
  return session.expiresAt > Date.now() ? session : undefined;
}

/** Keeps `token`, reading the user, groups and expiry from its (already verified by the server) claims. */
export function signIn(token: string): Session {
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
    'cognito:username'?: string;
    sub?: string;
    'cognito:groups'?: string[];
    exp?: number;
  };
  const session: Session = {
    token,
    user: claims['cognito:username'] ?? claims.sub ?? 'unknown',
    groups: claims['cognito:groups'] ?? [],
    expiresAt: (claims.exp ?? 0) * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  for (const listener of listeners) listener();
  return session;
}

/** Forgets the session. */
export function signOut(): void {
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** Calls `listener` when someone signs in or out; returns the unsubscribe. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
