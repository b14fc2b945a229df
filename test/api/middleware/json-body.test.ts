import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import express, { type Express } from 'express';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createWorkflowCatalogue } from '../../../api/catalogue/compile-catalogue';
import { catalogue } from '../../../workflows/definitions';
import { createTokenVerifier } from '../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../api/auth/load-signing-key';
import { signLocalToken } from '../../../api/auth/sign-local-token';
import { loadConfig } from '../../../api/config';
import { silentLogger } from '../../../api/logger';
import { errorHandler } from '../../../api/middleware/error-handler';
import { jsonBody, MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../../api/middleware/json-body';

/** The real middleware in front of a route that echoes what it parsed. */
function echoApp(): Express {
  const app = express();
  app.use(jsonBody());
  app.all('/echo', (req, res) => {
    res.json({ body: req.body ?? null });
  });
  app.use(errorHandler(silentLogger));
  return app;
}

/** `depth` arrays, one inside the next, around `inner`. */
function nested(depth: number, inner = ''): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

describe('jsonBody', () => {
  it(`accepts a body nested exactly ${MAX_JSON_DEPTH} levels deep`, async () => {
    const response = await request(echoApp())
      .post('/echo')
      .type('json')
      .send(nested(MAX_JSON_DEPTH - 1, '{"a":1}'));

    expect(response.status).toBe(200);
  });

  it.each([
    ['arrays', nested(MAX_JSON_DEPTH + 1)],
    ['objects', `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`],
    ['a deep branch beside shallow ones', `{"shallow":[1,2,3],"deep":${nested(MAX_JSON_DEPTH)},"other":{}}`],
    ['5,000 levels', nested(5000)],
    ['as many levels as fit in the size limit', nested(MAX_BODY_BYTES / 2 - 1)],
  ])('answers 400 json-too-deep for %s', async (_case, body) => {
    const response = await request(echoApp()).post('/echo').type('json').send(body);

    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'json-too-deep',
      detail: `the request body nests deeper than ${MAX_JSON_DEPTH} levels`,
      limit: MAX_JSON_DEPTH,
    });
  });

  it('answers 413 naming the limit for a body over 256 KiB', async () => {
    const response = await request(echoApp())
      .post('/echo')
      .type('json')
      .send(JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) }));

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'payload-too-large',
      detail: `the request body is larger than ${MAX_BODY_BYTES} bytes`,
      limit: MAX_BODY_BYTES,
    });
  });

  it.each([
    ['POST', 'text/plain', 'hello'],
    ['POST', 'application/x-www-form-urlencoded', 'input=1'],
    ['PUT', 'text/plain', '{"input":1}'],
    ['PATCH', 'application/xml', '<input/>'],
  ])('answers 415 unsupported-media-type for a %s body sent as %s', async (method, type, body) => {
    const agent = request(echoApp());
    const response = await agent[method.toLowerCase() as 'post' | 'put' | 'patch']('/echo').set('Content-Type', type).send(body);

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'unsupported-media-type', detail: 'send the body as application/json' });
  });

  it('answers 415 for a body without a Content-Type', async () => {
    const response = await request(echoApp()).post('/echo').set('Content-Length', '7').send(Buffer.from('{"a":1}')).unset('Content-Type');

    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported-media-type');
  });

  it.each([
    ['no Content-Length', {}],
    ['Content-Length 0 and a text type', { 'Content-Length': '0', 'Content-Type': 'text/plain' }],
  ])('lets a POST with no body through (%s)', async (_case, headers) => {
    const response = await request(echoApp()).post('/echo').set(headers);

    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({ body: null });
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/vnd.statecraft+json'])(
    'parses a body sent as %s',
    async (type) => {
      const response = await request(echoApp()).post('/echo').set('Content-Type', type).send('{"input":{"orderId":"o-1"}}');

      expect(response.status).toBe(200);
      expect(response.body).toStrictEqual({ body: { input: { orderId: 'o-1' } } });
    },
  );

  it('answers 400 malformed-json for text that is not JSON', async () => {
    const response = await request(echoApp()).post('/echo').type('json').send('{"input":');

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('malformed-json');
  });
});

describe('jsonBody in the API', () => {
  let dataDir: string;
  let app: Express;
  let sfn: SFNClient;
  let operator: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-json-body-'));
    // Nothing listens on port 1: a request that got past the body checks would fail, not hang.
    const config = loadConfig({
      STATECRAFT_DATA_DIR: dataDir,
      SFN_ENDPOINT: 'http://127.0.0.1:1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    });
    sfn = new SFNClient({
      endpoint: config.sfnEndpoint,
      region: config.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    app = createApp(config, {
      catalogue: createWorkflowCatalogue(catalogue, config),
      sfn,
      verifyToken: createTokenVerifier(config.auth),
      logger: silentLogger,
    });
    if (config.auth.mode !== 'local') throw new Error('expected local auth');
    operator = await signLocalToken({ user: 'otto', groups: ['operators'], ttl: '1h' }, loadSigningKey(config.auth.keyFile));
  });
  afterAll(() => {
    sfn.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 400 json-too-deep, not 500, for a start input nested 5,000 levels deep', async () => {
    const response = await request(app)
      .post('/api/workflows/order-fulfillment/runs')
      .auth(operator, { type: 'bearer' })
      .type('json')
      .send(`{"input":${nested(5000)}}`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('json-too-deep');
  });

  it('answers 415 for a start body sent as form data', async () => {
    const response = await request(app)
      .post('/api/workflows/order-fulfillment/runs')
      .auth(operator, { type: 'bearer' })
      .type('form')
      .send('input=1');

    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported-media-type');
  });
});
