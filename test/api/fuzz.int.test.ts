import fc from 'fast-check';
import request from 'supertest';
import { startApiStack, type ApiStack } from '../helpers/api-stack';

let stack: ApiStack;
let tokens: string[];

beforeAll(async () => {
  stack = await startApiStack();
  tokens = [await stack.token('otto', ['operators']), await stack.token('vera', ['viewers']), 'garbage', ''];
});
afterAll(() => stack.stop());

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'workflows',
    'runs',
    'history',
    'stop',
    'health',
    'openapi.json',
    'deploy-service',
    'nightly-report',
    'r-000000',
    '%',
    '%zz',
    '..',
    '%2e%2e',
    ':name',
    '%00',
    'index.html',
    'app.js',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const path = fc
  .tuple(
    fc.constantFrom('/api/', '/api/workflows/', '/api/runs/', '/', '/assets/', '/ws/'),
    fc.array(segment, { maxLength: 4 }),
    fc.option(fc.string({ maxLength: 20 })),
  )
  .map(([prefix, segments, query]) => `${prefix}${segments.join('/')}${query === null ? '' : `?${encodeURI(query)}`}`);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((input) => JSON.stringify({ input })),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  '',
);

describe('fuzzing the API', () => {
  it('never answers 5xx to random methods, paths, headers and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        path,
        fc.nat(tokens.length - 1),
        contentType,
        body,
        async (method, url, token, type, payload) => {
          let call = request(stack.app)[method.toLowerCase() as 'get'](url);
          if (tokens[token] !== '') call = call.set('Authorization', `Bearer ${tokens[token]}`);
          if (type !== '') call = call.set('Content-Type', type);
          const response = payload === undefined ? await call : await call.send(payload);

          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
