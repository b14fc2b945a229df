import { request as httpRequest } from 'node:http';
import { connect } from 'node:http2';
import {
  DeleteSessionCommand,
  GetSessionCommand,
  PutSessionCommand,
  RecognizeTextCommand,
  type LexRuntimeV2Client,
} from '@aws-sdk/client-lex-runtime-v2';
import { decodeLexHeader } from '../../../bot/emulator';
import { BOT, lexClient, startLexHarness, texts, type LexHarness } from './lex-harness';

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** An HTTP/1.1 request without the SDK. */
function raw(url: string, method: string, path: string, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const SESSION_PATH = '/bots/STATECRAFT/botAliases/TSTALIASID/botLocales/en_US/sessions';

describe('local Lex runtime: the HTTP server', () => {
  let lex: LexHarness;

  beforeAll(async () => {
    lex = await startLexHarness();
  });

  afterAll(async () => {
    await lex.close();
  });

  it('runs a whole dialog, PutSession, GetSession and DeleteSession over HTTP/1.1 (NodeHttpHandler)', async () => {
    const say = (text: string) => lex.http1Client.send(new RecognizeTextCommand({ ...BOT, sessionId: 'h1-1', text }));
    const asked = await say('start a workflow');
    const confirm = await say('deploy service');
    const done = await say('yes');
    const put = await lex.http1Client.send(
      new PutSessionCommand({ ...BOT, sessionId: 'h1-1', sessionState: { sessionAttributes: { user: 'Ada' } } }),
    );
    const got = await lex.http1Client.send(new GetSessionCommand({ ...BOT, sessionId: 'h1-1' }));
    const deleted = await lex.http1Client.send(new DeleteSessionCommand({ ...BOT, sessionId: 'h1-1' }));

    expect(texts(asked)).toEqual(['Which workflow, [user]? I know nightly-report and deploy-service.']);
    expect(texts(confirm)).toEqual(['Start deploy-service now?']);
    expect(texts(done)).toEqual(['Started deploy-service.']);
    expect(decodeLexHeader(put.sessionState ?? '')).toMatchObject({ sessionAttributes: { user: 'Ada' }, activeContexts: [] });
    expect(got.sessionState?.sessionAttributes).toEqual({ user: 'Ada' });
    expect(deleted).toMatchObject({ ...BOT, sessionId: 'h1-1' });
  });

  it('URL-decodes the path labels (a session id with a colon and a dot)', async () => {
    const output = await lex.say('user:42.web_x-1', 'help');

    expect(output.sessionId).toBe('user:42.web_x-1');
  });

  describe.each([
    ['h2c', (harness: LexHarness) => harness.client],
    ['HTTP/1.1', (harness: LexHarness) => harness.http1Client],
  ])('errors as the SDK surfaces them (%s)', (_, clientOf: (harness: LexHarness) => LexRuntimeV2Client) => {
    const recognize = (input: Record<string, unknown>) =>
      clientOf(lex)
        .send(new RecognizeTextCommand({ ...BOT, sessionId: 'errors-1', text: 'help', ...input }))
        .then(
          () => undefined,
          (error: unknown) => error as { name: string; message: string; $metadata: { httpStatusCode?: number } },
        );

    it.each([
      ['empty text', { text: '' }, 'ValidationException', 400, 'text must be 1..1024 characters'],
      ['text over 1024 characters', { text: 'x'.repeat(1025) }, 'ValidationException', 400, 'text must be 1..1024 characters'],
      ['a one-character session id', { sessionId: 'x' }, 'ValidationException', 400, 'sessionId must match'],
      ['a session id with a slash', { sessionId: 'a/b' }, 'ValidationException', 400, 'sessionId must match'],
      [
        'ElicitSlot without slotToElicit',
        { sessionState: { dialogAction: { type: 'ElicitSlot' }, intent: { name: 'StartWorkflow' } } },
        'ValidationException',
        400,
        'sessionState.dialogAction.slotToElicit is required',
      ],
      [
        'an unknown intent',
        { sessionState: { intent: { name: 'Dance' } } },
        'ValidationException',
        400,
        'sessionState.intent.name: no intent Dance',
      ],
      [
        'an unknown slot',
        { sessionState: { intent: { name: 'StartWorkflow', slots: { Color: { value: { interpretedValue: 'red' } } } } } },
        'ValidationException',
        400,
        'intent StartWorkflow has no slot Color',
      ],
      [
        'a non-string session attribute',
        { sessionState: { sessionAttributes: { n: 1 } } },
        'ValidationException',
        400,
        'sessionState.sessionAttributes.n must be a string',
      ],
      ['an unknown bot', { botId: 'OTHERBOTID' }, 'ResourceNotFoundException', 404, 'Bot OTHERBOTID not found'],
      ['an unknown alias', { botAliasId: 'LIVEALIAS1' }, 'ResourceNotFoundException', 404, 'Bot alias LIVEALIAS1'],
      ['an unknown locale', { localeId: 'fr_FR' }, 'ResourceNotFoundException', 404, 'Locale fr_FR'],
    ])('RecognizeText with %s', async (__, input, name, status, message) => {
      const error = await recognize(input);

      expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
      expect(error?.message).toContain(message);
    });

    it.each([
      ['GetSession', (client: LexRuntimeV2Client) => client.send(new GetSessionCommand({ ...BOT, sessionId: 'never-seen' }))],
      ['DeleteSession', (client: LexRuntimeV2Client) => client.send(new DeleteSessionCommand({ ...BOT, sessionId: 'never-seen' }))],
    ])('%s of an unknown session is ResourceNotFoundException 404', async (__, call) => {
      const error = await call(clientOf(lex)).catch((caught: unknown) => caught);

      expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Session not found', $metadata: { httpStatusCode: 404 } });
    });

    it('PutSession with an unknown intent is ValidationException 400', async () => {
      const error = await clientOf(lex)
        .send(new PutSessionCommand({ ...BOT, sessionId: 'put-bad', sessionState: { intent: { name: 'Dance' } } }))
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    });
  });

  it('answers InternalServerException 500 when the session store fails, and keeps serving', async () => {
    const broken = await lex.startInstance({
      sessions: { get: () => Promise.reject(new Error('table gone')), put: () => Promise.resolve(), delete: () => Promise.resolve() },
    });
    const client = lexClient(broken.server.url, { maxAttempts: 1 });

    const error = await client
      .send(new RecognizeTextCommand({ ...BOT, sessionId: 'broken-1', text: 'help' }))
      .catch((caught: unknown) => caught);
    const again = await client
      .send(new RecognizeTextCommand({ ...BOT, sessionId: 'broken-1', text: 'help' }))
      .catch((caught: unknown) => caught);
    client.destroy();

    expect(error).toMatchObject({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } });
    expect(again).toMatchObject({ name: 'InternalServerException' });
  });

  it('answers an unknown path with 404, the error type header and a JSON message', async () => {
    const response = await raw(lex.server.url, 'GET', '/bots/STATECRAFT');

    expect(response.status).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(response.body)).toEqual({ message: 'No Lex runtime operation for GET /bots/STATECRAFT' });
  });

  it.each([
    ['invalid JSON', '{"text": ', 'The request body is not valid JSON'],
    ['a JSON array', '[]', 'The request body must be a JSON object'],
    ['no text', '{}', 'text is required'],
    ['a body over 64 KiB', JSON.stringify({ text: 'x'.repeat(70_000) }), 'The request body is larger than 65536 bytes'],
  ])('answers ValidationException 400 to a RecognizeText body with %s', async (_, body, message) => {
    const response = await raw(lex.server.url, 'POST', `${SESSION_PATH}/raw-1/text`, body);

    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('ValidationException');
    expect(JSON.parse(response.body)).toEqual({ message: expect.stringContaining(message) });
  });

  it('closes with h2 sessions and HTTP/1.1 keep-alive connections still open', async () => {
    const instance = await lex.startInstance();
    const session = connect(instance.server.url);
    const sessionClosed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    session.on('error', () => {});
    await new Promise<void>((resolve) => session.once('connect', () => resolve()));
    const http1 = lexClient(instance.server.url, { http1: true });
    await http1.send(new RecognizeTextCommand({ ...BOT, sessionId: 'close-1', text: 'help' }));

    await instance.close();

    await sessionClosed;
    http1.destroy();
  });
});
