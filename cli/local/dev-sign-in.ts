/**
 * The console's local sign-in, served only by `statecraft dev` (never by the Lambda app): its
 * config.json says to sign in locally, and `POST /dev/token` mints a token for the user and groups
 * a person picks, signed with the data dir's key like `statecraft token`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { knownGroups } from '../../api/access/known-groups';
import type { WorkflowCatalogue } from '../../api/catalogue/workflow-catalogue';
import { devToken } from './dev-token';

/** Where the console posts the chosen user and groups. */
export const DEV_TOKEN_PATH = '/dev/token';

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const tokenRequest = z.strictObject({
  user: z.string().regex(NAME, 'letters, digits, . _ @ -'),
  groups: z.array(z.string().regex(NAME)).max(20),
});

/** GET /config.json and POST /dev/token. */
export function devSignIn(dataDir: string, catalogue: WorkflowCatalogue): Router {
  const router = Router();
  const groups = knownGroups(catalogue.entries);
  router.get('/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ auth: { mode: 'local', tokenUrl: DEV_TOKEN_PATH, groups } });
  });
  router.post(DEV_TOKEN_PATH, async (req, res) => {
    const request = tokenRequest.parse(req.body ?? {});
    res.set('Cache-Control', 'no-store').json({ token: await devToken(dataDir, { user: request.user, groups: request.groups }) });
  });
  return router;
}
