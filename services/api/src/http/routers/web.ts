import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** the built web UI: its files, and index.html for any other GET (the UI routes in the browser); nothing when it is not built */
export const webRoutes = (webDist: string | undefined) => {
  const router = Router();
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    router.use(express.static(webDist, { index: 'index.html', fallthrough: true }));
    router.use((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.sendFile(join(webDist, 'index.html'));
    });
  }
  return router;
};
