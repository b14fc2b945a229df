/** A small JSON client for the running stack's REST API, for CLI commands (demo, chat). */
import { CliError } from '../cli-error';

/** A response: status and parsed JSON body (an object; problem+json on errors). */
export type ApiResponse = { status: number; body: Record<string, unknown> };

/** What a problem+json answer says went wrong: its detail, else its title. */
export function problemText(body: Record<string, unknown>): string | undefined {
  if (typeof body.detail === 'string') return body.detail;
  return typeof body.title === 'string' ? body.title : undefined;
}

function unreachableReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? String(error.cause) : error.message;
}

export type ApiClient = {
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown): Promise<ApiResponse>;
};

/** A client for `baseUrl` with a bearer `token`; an unreachable stack is a CliError that says how to start it. */
export function apiClient(baseUrl: string, token: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(`cannot reach the API at ${baseUrl} (${unreachableReason(error)}); start it with 'make dev' or pass --url`, 1);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { detail: text };
    }
    if (response.status === 401)
      throw new CliError(
        `the API at ${baseUrl} refused the token: ${(parsed as { detail?: string }).detail ?? ''} (is --data-dir the stack's data dir?)`,
        1,
      );
    return { status: response.status, body: (parsed ?? {}) as Record<string, unknown> };
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}
