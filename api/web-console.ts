/**
 * The web console's static files at `/` on the local server (on AWS, CloudFront serves them from
 * S3). Paths that are not files get index.html, so the console's own routes survive a reload;
 * `/api` and `/ws` never do. Until the console is built, `/` says so instead of a bare 404.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import express, { Router } from 'express';

/** Where `vite build` puts the console (web/dist beside api/). */
export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../web/dist');

/** Vite fingerprints everything under assets/, so those files may be cached for good. */
const ASSETS = `assets${path.sep}`;

const RESERVED = /^\/(api|ws)(\/|$)/;

/** Serves `dir` (checked on each request, so a build that appears later is picked up without a restart). */
export function webConsole(dir: string = DEFAULT_WEB_DIR): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, file) {
        res.set('Cache-Control', path.relative(dir, file).startsWith(ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use(function consolePage(req, res, next) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path) || !req.accepts('html')) return next();
    if (!fs.existsSync(index)) {
      res.status(404).type('html').set('Cache-Control', 'no-store').send(notBuiltPage(dir));
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}

function notBuiltPage(dir: string): string {
  const escaped = dir.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Statecraft</title></head><body>',
    '<h1>Statecraft is running; the web console is not built</h1>',
    `<p>There is no <code>index.html</code> in <code>${escaped}</code>.</p>`,
    '<p>The REST API is at <a href="/api/openapi.json">/api</a> and live events at <code>/ws</code>.</p>',
    '</body></html>',
  ].join('\n');
}
