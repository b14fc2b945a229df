/** The local Lex V2 runtime: the turn algorithm over a bot definition, and its HTTP server (h2c and HTTP/1.1 on one port). */
export { createLexRuntime, type LexRuntimeOptions } from './lex-runtime';
export type { LexRuntime, RecognizeTextRequest, PutSessionRequest, PutSessionResult, GetSessionResult } from './lex-runtime-types';
export type { LexSessionAddress } from './stored-session';
export { startLexServer, DEFAULT_LEX_PORT, type LexServer, type LexServerOptions } from './lex-server';
export { LexRuntimeError, LEX_ERROR_STATUS, type LexRuntimeErrorCode } from './errors';
export { encodeLexHeader } from './encode-lex-header';
export { decodeLexHeader } from './decode-lex-header';
export { silentRuntimeLogger, type RuntimeLogger } from './runtime-logger';
export { DEFAULT_BOT_ID, DEFAULT_BOT_ALIAS_ID, DEFAULT_BOT_ALIAS_NAME, DEFAULT_CODE_HOOK_TIMEOUT_MS } from './runtime-defaults';
export type { Understanding, RankedIntent } from './understanding';
