/**
 * Which runtime operation a request is, from its method and path (LEX.md §2), with the path labels
 * URL-decoded: `/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}[/text]`.
 */
import { LexRuntimeError } from './errors';
import type { LexSessionAddress } from './stored-session';

/** The operations the runtime serves. */
export type LexOperation = 'RecognizeText' | 'PutSession' | 'GetSession' | 'DeleteSession';

/** The operation and its session, or undefined when no operation has this method and path. */
export function routeLexRequest(method: string, url: string): { operation: LexOperation; address: LexSessionAddress } | undefined {
  const path = url.split('?')[0] ?? '';
  const parts = path.split('/');
  if (
    parts.length < 9 ||
    parts.length > 10 ||
    parts[0] !== '' ||
    parts[1] !== 'bots' ||
    parts[3] !== 'botAliases' ||
    parts[5] !== 'botLocales' ||
    parts[7] !== 'sessions'
  )
    return undefined;
  const [botId, botAliasId, localeId, sessionId] = [parts[2], parts[4], parts[6], parts[8]].map(decodeLabel);
  const address: LexSessionAddress = {
    botId: botId ?? '',
    botAliasId: botAliasId ?? '',
    localeId: localeId ?? '',
    sessionId: sessionId ?? '',
  };
  if (parts.length === 10) return parts[9] === 'text' && method === 'POST' ? { operation: 'RecognizeText', address } : undefined;
  if (method === 'POST') return { operation: 'PutSession', address };
  if (method === 'GET') return { operation: 'GetSession', address };
  if (method === 'DELETE') return { operation: 'DeleteSession', address };
  return undefined;
}

function decodeLabel(label: string | undefined): string {
  try {
    return decodeURIComponent(label ?? '');
  } catch (error) {
    throw new LexRuntimeError('ValidationException', `The path label ${label ?? ''} is not valid URL encoding`, { cause: error });
  }
}
