/**
 * The code hook Lambda's configuration: the API's (region, account, endpoints, how tokens are
 * verified: the hook reuses the API's start, lookup and decision logic) plus its session table.
 */
import { loadConfig, type ApiConfig } from '../../api/config';
import { CHAT_SESSIONS_TABLE } from './chat-session-store';

export type DialogConfig = ApiConfig & { readonly chatSessionsTable: string };

/** Builds the frozen config from `env` (process.env at the entry point). */
export function loadDialogConfig(env: Readonly<Record<string, string | undefined>>): DialogConfig {
  return Object.freeze({ ...loadConfig(env), chatSessionsTable: env.CHAT_SESSIONS_TABLE?.trim() || CHAT_SESSIONS_TABLE });
}
