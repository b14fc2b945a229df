/** The local Lex runtime's operations and their requests and results (RecognizeText, PutSession, GetSession, DeleteSession). */
import type { LexInterpretation, LexMessage, LexSessionState, RecognizeTextResponse } from '../definition/lex-types';
import type { LexSessionAddress } from './stored-session';

/** RecognizeText: the path labels and the JSON body. */
export type RecognizeTextRequest = LexSessionAddress & {
  text: string;
  sessionState?: LexSessionState;
  requestAttributes?: Record<string, string>;
};

/** PutSession: the path labels and the JSON body (the session is created or overwritten). */
export type PutSessionRequest = LexSessionAddress & {
  sessionState: LexSessionState;
  messages?: LexMessage[];
  requestAttributes?: Record<string, string>;
  responseContentType?: string;
};

/** PutSession's result; on the wire it travels in `x-amz-lex-*` headers (LEX.md §5). */
export type PutSessionResult = {
  sessionId: string;
  sessionState: LexSessionState;
  messages: LexMessage[];
  requestAttributes?: Record<string, string>;
  contentType: string;
};

/** GetSession's result. */
export type GetSessionResult = {
  sessionId: string;
  messages: LexMessage[];
  interpretations: LexInterpretation[];
  sessionState: LexSessionState;
};

/** The runtime's operations; each throws LexRuntimeError with the AWS exception name as `code`. */
export type LexRuntime = {
  recognizeText(request: RecognizeTextRequest): Promise<RecognizeTextResponse>;
  putSession(request: PutSessionRequest): Promise<PutSessionResult>;
  getSession(address: LexSessionAddress): Promise<GetSessionResult>;
  deleteSession(address: LexSessionAddress): Promise<LexSessionAddress>;
};
