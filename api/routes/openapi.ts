/** `GET /api/openapi.json`, without authentication. */
import { Router } from 'express';
import { openApiDocument } from '../openapi/openapi-document';

/** The OpenAPI route. */
export function openApiRouter(): Router {
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  return router;
}
