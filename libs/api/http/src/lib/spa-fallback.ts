import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * Serves the built dashboard on the API's port. Hashed bundles are cached for a year; any
 * other GET that wants HTML and is not under /api gets index.html (history-API routing),
 * never cached so a deploy is picked up on the next load.
 */
export function dashboardHandlers(webDistDir: string): RequestHandler[] {
  const indexFile = join(webDistDir, 'index.html');
  if (!existsSync(indexFile)) return [];
  const assets = express.static(webDistDir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const hashed = /[.-][A-Z0-9]{8,}\.(js|css|woff2?)$/i.test(path);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fallback = (req: Request, res: Response, next: NextFunction) => {
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['html', 'json']) === 'html';
    if (!wantsPage || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
  return [
    (req, res, next) => (req.path.startsWith('/api/') ? next() : assets(req, res, next)),
    fallback,
  ];
}
