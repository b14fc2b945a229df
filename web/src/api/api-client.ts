/** The console's REST client: the signed-in user's bearer token on every call, and API problems turned into plain sentences. */
import { currentSession, signOut } from '../auth/session';
import { apiUrlOf } from '../config/console-config';
import { consoleConfig } from '../config/load-console-config';

/** A failed call, with the API's own words (problem+json `detail`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API; resolves to the JSON body, rejects with an ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch(apiUrlOf(path, consoleConfig()), {
      method: init.method ?? 'GET',
      headers: {
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        'x-statecraft-channel': 'console',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'The Statecraft API cannot be reached. Is it running?');
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (response.status === 401) {
    signOut();
    throw new ApiError(401, 'signed-out', 'Your sign-in has expired. Sign in again.');
  }
  if (!response.ok) {
    const problem = (body ?? {}) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? 'error', problem.detail ?? `The API answered ${response.status}.`);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}
