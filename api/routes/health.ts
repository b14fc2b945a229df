/** `GET /api/health`: liveness, without authentication. */
import { Router } from 'express';

/** The health route. */
export function healthRouter(): Router {
  const router = Router();
  router.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
