/**
 * One HTTP request (HTTP/1.1 or h2c) to the runtime, in the rest-json protocol the AWS SDK speaks
 * (LEX.md §1–§2): JSON bodies, PutSession's data in `x-amz-lex-*` headers, errors as the status,
 * `x-amzn-ErrorType: <code>` and `{"message": ...}`. The `Authorization` header is ignored.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { encodeLexHeader } from './encode-lex-header';
import { LexRuntimeError } from './errors';
import type { LexRuntime } from './lex-runtime-types';
import { parseJsonBody, parsePutSessionBody, parseRecognizeTextBody } from './parse-request-body';
import { readRequestBody } from './read-request-body';
import { routeLexRequest } from './route-lex-request';
import { MAX_BODY_BYTES } from './runtime-defaults';
import type { RuntimeLogger } from './runtime-logger';

/** A request of either protocol. */
export type WireRequest = IncomingMessage | Http2ServerRequest;
/** What the handler needs of a response of either protocol. */
export type WireResponse = {
  statusCode: number;
  headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk: string): unknown;
};

function send(response: WireResponse, status: number, headers: Record<string, string>, body: string): void {
  response.statusCode = status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(body);
}

function sendError(response: WireResponse, requestId: string, error: LexRuntimeError): void {
  if (response.headersSent) return;
  send(
    response,
    error.status,
    { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code },
    JSON.stringify(error.toJSON()),
  );
}

/** Answers the request; never throws (unexpected failures are an InternalServerException 500). */
export async function handleLexRequest(
  runtime: LexRuntime,
  request: WireRequest,
  response: WireResponse,
  logger: RuntimeLogger,
): Promise<void> {
  const requestId = randomUUID();
  const json = (value: unknown) =>
    send(response, 200, { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, JSON.stringify(value));
  try {
    const method = request.method ?? 'GET';
    const route = routeLexRequest(method, request.url ?? '/');
    if (!route) {
      request.resume();
      throw new LexRuntimeError('UnknownOperationException', `No Lex runtime operation for ${method} ${request.url ?? '/'}`);
    }
    const { operation, address } = route;
    const hasBody = operation === 'RecognizeText' || operation === 'PutSession';
    if (!hasBody) request.resume();
    const body = hasBody ? parseJsonBody(await readRequestBody(request, MAX_BODY_BYTES)) : {};
    if (operation === 'RecognizeText') return json(await runtime.recognizeText({ ...address, ...parseRecognizeTextBody(body) }));
    if (operation === 'GetSession') return json(await runtime.getSession(address));
    if (operation === 'DeleteSession') return json(await runtime.deleteSession(address));
    const header = request.headers['responsecontenttype'];
    const responseContentType = typeof header === 'string' ? header : undefined;
    const result = await runtime.putSession({
      ...address,
      ...parsePutSessionBody(body),
      ...(responseContentType ? { responseContentType } : {}),
    });
    const headers: Record<string, string> = {
      'content-type': result.contentType,
      'x-amzn-requestid': requestId,
      'x-amz-lex-session-id': result.sessionId,
      'x-amz-lex-session-state': encodeLexHeader(result.sessionState),
    };
    if (result.messages.length) headers['x-amz-lex-messages'] = encodeLexHeader(result.messages);
    if (result.requestAttributes) headers['x-amz-lex-request-attributes'] = encodeLexHeader(result.requestAttributes);
    return send(response, 200, headers, '');
  } catch (error) {
    if (error instanceof LexRuntimeError) return sendError(response, requestId, error);
    logger.error('lex request failure', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return sendError(response, requestId, new LexRuntimeError('InternalServerException', 'Internal server error', { cause: error }));
  }
}
