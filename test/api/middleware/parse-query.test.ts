import express, { type Express } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { HttpError } from '../../../api/errors';
import { silentLogger } from '../../../api/logger';
import { errorHandler } from '../../../api/middleware/error-handler';
import { parseQuery } from '../../../api/middleware/parse-query';

const listQuery = z.strictObject({ status: z.enum(['pending', 'decided']).optional(), runId: z.string().min(1).optional() });
const pageQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const noQuery = z.strictObject({});

/** Express's own query parsing in front of parseQuery, with the real error handler. */
function app(): Express {
  const router = express();
  router.get('/list', (req, res) => {
    res.json(parseQuery(listQuery, req.query));
  });
  router.get('/page', (req, res) => {
    res.json(parseQuery(pageQuery, req.query));
  });
  router.get('/none', (req, res) => {
    res.json(parseQuery(noQuery, req.query));
  });
  router.use(errorHandler(silentLogger));
  return router;
}

describe('parseQuery', () => {
  it('returns the parsed query, defaults and coercions applied', async () => {
    const list = await request(app()).get('/list?status=pending&runId=r-1');
    const page = await request(app()).get('/page?limit=5');
    const defaulted = await request(app()).get('/page');

    expect(list.body).toStrictEqual({ status: 'pending', runId: 'r-1' });
    expect(page.body).toStrictEqual({ limit: 5 });
    expect(defaulted.body).toStrictEqual({ limit: 20 });
  });

  it.each([
    ['/list?foo=1', 'foo', "query parameter 'foo' is not known here; known: status, runId"],
    ['/none?status=pending', 'status', "query parameter 'status' is not known here; known: none"],
    ['/list?status[]=pending', 'status', "query parameter 'status' must be given once, as a single value"],
    ['/list?status=pending&status=decided', 'status', "query parameter 'status' must be given once, as a single value"],
    ['/list?status[x]=pending', 'status', "query parameter 'status' must be given once, as a single value"],
    ['/page?limit=many', 'limit', "query parameter 'limit': Invalid input: expected number, received NaN"],
    ['/page?limit=1000', 'limit', "query parameter 'limit': Too big: expected number to be <=100"],
    ['/list?status=lost', 'status', `query parameter 'status': Invalid option: expected one of "pending"|"decided"`],
  ])('answers 400 invalid-query for %s', async (url, parameter, message) => {
    const response = await request(app()).get(url);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid-query', detail: message, errors: [{ parameter, message }] });
  });

  it('lists every problem in errors, the first in the detail', async () => {
    const response = await request(app()).get('/list?foo=1&status=a&status=b&bar=2');

    expect(response.body.detail).toBe("query parameter 'foo' is not known here; known: status, runId");
    expect(response.body.errors.map((error: { parameter: string }) => error.parameter)).toStrictEqual(['foo', 'status', 'bar']);
  });

  it('reads a query the extended parser nested into arrays and objects as repeated parameters', () => {
    const parse = (query: unknown) => () => parseQuery(listQuery, query);

    expect(parse({ status: ['pending'] })).toThrow("query parameter 'status' must be given once, as a single value");
    expect(parse({ runId: { a: 'r-1' } })).toThrow("query parameter 'runId' must be given once, as a single value");
  });

  it('throws an HttpError with status 400', () => {
    let thrown: unknown;

    try {
      parseQuery(noQuery, { anything: 'x' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid-query' });
  });
});
