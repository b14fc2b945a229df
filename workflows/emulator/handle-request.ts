/**
 * One awsJson1_0 request: `POST /` with `X-Amz-Target: AWSStepFunctions.<Action>` and a JSON
 * body. Every failure becomes an AWS-shaped error; nothing thrown here reaches node:http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTIONS } from './actions/action-table';
import type { ApiContext } from './api-context';
import { StepFunctionsError } from './errors';
import type { RequestBody } from './request-fields';

/** Largest request body accepted (definitions are at most 1 MiB, plus JSON escaping). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new StepFunctionsError('ValidationException', 'Request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(text: string): RequestBody {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StepFunctionsError('SerializationException', 'Malformed JSON in request body');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new StepFunctionsError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as RequestBody;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': crypto.randomUUID(),
  });
  response.end(text);
}

async function dispatch(ctx: ApiContext, request: IncomingMessage, signal: AbortSignal): Promise<unknown> {
  if (request.method !== 'POST') throw new StepFunctionsError('UnknownOperationException', 'Only POST / is supported');
  const target = request.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const action = name !== undefined && Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
  const text = await readBody(request);
  if (!action) throw new StepFunctionsError('UnknownOperationException', `Unknown operation ${String(target)}`);
  const body = parseBody(text);
  ctx.logger.debug('request', { action: name });
  return action(ctx, body, signal);
}

/** Answers one HTTP request. */
export async function handleRequest(ctx: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // Fires when the client goes away before the answer is sent (a GetActivityTask long poll then takes no task).
  const gone = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) gone.abort();
  });
  try {
    const result = await dispatch(ctx, request, gone.signal);
    send(response, 200, result ?? {});
  } catch (error) {
    if (error instanceof StepFunctionsError) {
      send(response, error.status, error.toJSON());
      return;
    }
    ctx.logger.error('request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    send(response, 500, new StepFunctionsError('InternalFailure', 'An internal error occurred', 500).toJSON());
  }
}
