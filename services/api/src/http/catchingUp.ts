import type { ReadModels } from '@gevinst/projections';
import type { RequestHandler } from 'express';

/** Whether the API answers from current read models: the start-up work is done and no rebuild runs. */
export interface Readiness {
  started(): boolean;
  /** resolves when the start-up work (catch-up, completing mergers, the demo, the reminders) is done */
  whenStarted: Promise<void>;
}

export const isCurrent = (readiness: Readiness, rm: ReadModels): boolean => readiness.started() && rm.runner.state === 'current';

/** how far the read models have come (all null before they are loaded) */
export interface Progress {
  position: bigint | undefined | null;
  head: bigint | undefined | null;
  percent: number | null;
}

/**
 * The one 503 `catching_up` answer, from the app and from the port opened before it loads
 * (`earlyServer.ts`, which imports this module for it and nothing else of the app).
 */
export const catchingUpAnswer = ({ position, head, percent }: Progress) => ({
  error: {
    code: 'catching_up',
    message: `Gevinst starter og leser inn hendelsene${percent === null ? '' : ` (${Math.floor(percent)} %)`}. Prøv igjen om litt.`,
    fields: [],
  },
  position: position?.toString() ?? null,
  head: head?.toString() ?? null,
  percent,
});

/** The one `/healthz` body: `ok` when current, else `catching up` with the progress. */
export const healthAnswer = (current: boolean, { position, head, percent }: Progress, eventsApplied: number) => ({
  status: current ? 'ok' : 'catching up',
  position: position?.toString() ?? null,
  eventsApplied,
  head: head?.toString() ?? null,
  percent: current ? 100 : percent,
});

/**
 * Holds a request under /api while the read models catch up (at start, or in a rebuild): it waits up
 * to `waitMs` for them and goes on once they are current, else it is answered 503 with Retry-After
 * and the progress, changing nothing. So a read never shows a half-built model and a command never
 * decides against stale lookups.
 */
export const whileCatchingUp =
  (readiness: Readiness, rm: ReadModels, waitMs = 2_000): RequestHandler =>
  (req, res, next) => {
    if (isCurrent(readiness, rm) || req.path === '/openapi.json') return next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    const current = readiness.whenStarted.then(() => rm.runner.whenCurrent()).then(
      () => true,
      () => false,
    );
    void Promise.race([current, timeout]).then((ok) => {
      clearTimeout(timer);
      if (ok) return next();
      res.status(503).set('Retry-After', '5').json(catchingUpAnswer(rm.status()));
    });
  };
