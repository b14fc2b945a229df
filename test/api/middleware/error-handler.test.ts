import express, { type Express } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { silentLogger } from '../../../api/logger';
import { errorHandler } from '../../../api/middleware/error-handler';
import { jsonBody } from '../../../api/middleware/json-body';

const startBody = z.strictObject({ input: z.strictObject({ order: z.strictObject({ id: z.string() }) }) });
const wholeBody = z.string();

/** The real JSON body parser and error handler around routes that parse the body with zod. */
function app(): Express {
  const router = express();
  router.use(jsonBody());
  router.post('/fields', (req, res) => {
    res.json(startBody.parse(req.body));
  });
  router.post('/whole', (req, res) => {
    res.json(wholeBody.parse(req.body));
  });
  router.use(errorHandler(silentLogger));
  return router;
}

describe('errorHandler', () => {
  it("names a body field by its dotted path: body field 'input.order.id'", async () => {
    const response = await request(app())
      .post('/fields')
      .send({ input: { order: { id: 7 } } });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'validation-failed',
      detail: "body field 'input.order.id': Invalid input: expected string, received number",
      errors: [{ field: 'input.order.id', message: 'Invalid input: expected string, received number' }],
    });
  });

  it('speaks of the request, not the body, when the problem has no path', async () => {
    const response = await request(app()).post('/whole').send({ input: {} });

    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('request: Invalid input: expected string, received object');
  });

  it('renders an unexpected error as a bare 500 that keeps its internals', async () => {
    const router = express();
    router.get('/boom', () => {
      throw new Error('secret connection string');
    });
    router.use(errorHandler(silentLogger));

    const response = await request(router).get('/boom');

    expect(response.status).toBe(500);
    expect(response.body.code).toBe('internal-error');
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });
});
