import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { catchingUpAnswer, healthAnswer } from './catchingUp';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const NOTHING_YET = { position: null, head: null, percent: null };

/** a server that listens before the app is loaded; `serve` hands it (and the requests waiting) to the app */
export interface EarlyServer {
  server: Server;
  serve(app: Handler): void;
}

const unavailable = (res: ServerResponse, body: unknown) => {
  res.statusCode = 503;
  res.setHeader('Retry-After', '5');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
};

/**
 * Listens at once, before the app's modules are loaded (that takes seconds), so a probe sees the
 * process is up: /healthz answers 503 `catching up` as it does while the read models catch up. Any
 * other request waits up to `waitMs` for the app and is then served by it, else answered 503
 * `catching_up` with Retry-After, changing nothing (the contract of `whileCatchingUp`).
 * Imports nothing but node:http and the answers' shapes (`catchingUp.ts`, types only beside them), so
 * main.ts can open it first.
 */
export const listenEarly = (port: number, host: string, waitMs = 2_000): Promise<EarlyServer> => {
  let app: Handler | undefined;
  const waiting = new Set<(app: Handler) => void>();
  const server = createServer((req, res) => {
    if (app) return app(req, res);
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?'))
      return unavailable(res, healthAnswer(false, NOTHING_YET, 0));
    const go = (served: Handler) => {
      clearTimeout(timer);
      waiting.delete(go);
      served(req, res);
    };
    const timer = setTimeout(() => {
      waiting.delete(go);
      unavailable(res, catchingUpAnswer(NOTHING_YET));
    }, waitMs);
    waiting.add(go);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        serve: (handler) => {
          app = handler;
          for (const go of [...waiting]) go(handler);
        },
      });
    });
  });
};
