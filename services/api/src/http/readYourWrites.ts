import type { ReadModels } from '@gevinst/projections';
import type { RequestHandler } from 'express';
import { ValidationError } from '@gevinst/domain/errors';

/** the header a command's answer names its last event's position in, and a later request may send back */
export const POSITION_HEADER = 'X-Gevinst-Position';

/**
 * Read your writes across instances: a request that sends `X-Gevinst-Position: <n>` (the `position` of a
 * command's answer, from this or another instance on the same store) is answered only once this
 * instance's read models hold the event at `n`. It waits up to `waitMs` and is answered 503 with
 * Retry-After otherwise, so a load balancer may send a person's next read to any instance.
 */
export const readYourWrites =
  (rm: ReadModels, waitMs = 2_000): RequestHandler =>
  (req, res, next) => {
    const raw = req.get(POSITION_HEADER);
    if (raw === undefined || raw.trim() === '') return next();
    if (!/^\d{1,19}$/.test(raw.trim()))
      throw new ValidationError('Ugyldig hode', [{ path: POSITION_HEADER, message: 'Må være en posisjon (et heltall ≥ 0) fra et tidligere svar' }]);
    const position = BigInt(raw.trim());
    const holds = () => {
      const held = rm.runner.position;
      return held !== undefined && held >= position;
    };
    if (holds()) return next();
    // reads the store now rather than waiting for the live feed; no waiter is left behind for a position
    // that never comes (a made-up number only costs this request its wait)
    const deadline = Date.now() + waitMs;
    const reached = (async () => {
      while (Date.now() < deadline) {
        await rm.runner.catchUp();
        if (holds()) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return holds();
    })().catch(() => false);
    void reached.then((ok) => {
      if (ok) return next();
      res
        .status(503)
        .set('Retry-After', '1')
        .json({
          error: { code: 'behind', message: 'Denne serveren har ennå ikke lest inn den siste endringen. Prøv igjen om litt.', fields: [] },
          position: rm.runner.position?.toString() ?? null,
          wanted: position.toString(),
        });
    });
  };
