import request from 'supertest';
import type { Express } from 'express';
import { openApiDocument } from '../../api/openapi/openapi-document';
import { startApiStack, type ApiStack } from '../helpers/api-stack';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack();
});
afterAll(() => stack.stop());

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** `METHOD /path/{param}` for every route registered on the app, nested routers included. */
function expressRoutes(app: Express): string[] {
  const walk = (layers: readonly Layer[]): string[] =>
    layers.flatMap((layer) => {
      if (layer.route) {
        const path = layer.route.path.replace(/:([A-Za-z]+)/g, '{$1}');
        return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without a token', async () => {
    const response = await request(stack.app).get('/api/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
  });

  it('describes exactly the routes the app serves', () => {
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

    const served = expressRoutes(stack.app);

    expect([...served].sort()).toStrictEqual([...documented].sort());
  });
});
