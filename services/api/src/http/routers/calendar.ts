import type { CalendarMissing } from '@gevinst/domain/answers';
import { ValidationError } from '@gevinst/domain/errors';
import { tryParsePeriod } from '@gevinst/domain/periods';
import { missingInPortfolio, type ReadModels } from '@gevinst/projections';
import { Router, type Request } from 'express';
import { REPORT_READERS, type AccessControl } from '../access';
import { stringParam } from '../query';
import { found } from './found';
import { todayInOslo } from './today';

const bad = (path: string, message: string) => new ValidationError('Ugyldig parameter', [{ path, message }]);

/** `?year=`: a calendar year, this year by default */
const yearParam = (req: Request, today: string): number => {
  const raw = stringParam(req, 'year', 40);
  if (raw === undefined || raw === '') return Number(today.slice(0, 4));
  if (!/^\d{4}$/.test(raw) || Number(raw) < 1900 || Number(raw) > 2999) throw bad('year', 'Året må være et årstall, f.eks. 2026');
  return Number(raw);
};

/**
 * The årshjul: `GET /api/calendar?year=` (the year's deadlines, explicit and default, each upcoming or
 * past with the days left, and the next one; anyone logged in) and `GET /api/calendar/:period/missing?unit=`
 * (for a tertial, the benefits whose values for it are still not recorded, cut to the reader's units
 * like the other reports; a benefit owner without a report role sees their own). The commands that
 * set and remove deadlines are command routes (routes.ts).
 */
export const calendarRoutes = ({ readModels: rm, access, clock }: { readModels: ReadModels; access: AccessControl; clock: () => string }) => {
  const router = Router();

  router.get('/api/calendar', (req, res) => {
    access.allow(req, 'readCalendar');
    const today = todayInOslo(clock());
    res.json(rm.calendar.wheel(yearParam(req, today), today));
  });

  router.get('/api/calendar/:period/missing', (req, res) => {
    const actor = access.actor(req);
    const period = String(req.params.period);
    const p = tryParsePeriod(period);
    if (p === null || p.kind !== 'tertial') throw bad('period', `«${period.slice(0, 40)}» er ikke et tertial: bruk f.eks. 2026-T2`);
    const unitId = stringParam(req, 'unit', 200) || null;
    if (unitId) found(rm.units.get(unitId), 'enheten', unitId);
    const reportReader = access.may(actor, 'readPortfolio', {});
    if (!reportReader) access.allow(req, 'readDue', { person: actor.id });
    const inReports = reportReader ? access.inScope(actor, REPORT_READERS) : () => true;
    const inScope = (u: string) => inReports(u) && (!unitId || rm.units.isWithin(u, unitId));
    const own = (owner: string | null) => reportReader || owner?.toLowerCase() === actor.id;
    const benefits = missingInPortfolio(rm.portfolio, period, inScope).filter((b) => own(b.owner));
    const today = todayInOslo(clock());
    const answer: CalendarMissing = {
      period,
      unitId,
      deadline: rm.calendar.tertialDeadlines(period, today)[0] ?? null,
      benefits,
      missingCount: benefits.reduce((n, b) => n + b.missing.length, 0),
    };
    res.json(answer);
  });

  return router;
};
