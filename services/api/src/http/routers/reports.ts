import type { AsOf } from '@gevinst/domain/ledger';
import { ValidationError } from '@gevinst/domain/errors';
import type { ReadModels } from '@gevinst/projections';
import { Router, type Request, type Response } from 'express';
import { REPORT_READERS, type AccessControl } from '../access';
import { declaredOverlaps, type PastReports } from '@gevinst/projections';
import { asOfParam, orgParam, spanParams, stringParam } from '../query';
import type { OrgAnswer } from '@gevinst/domain/answers';
import { cutLedger, cutMatrix, cutPortfolio, cutRows, cutTrace, mentionsNone } from '../scope';
import { todayInOslo } from './today';

/**
 * The reports, cut to the reader's units: the ledger (`/api/ledger`, its matrix, imbalances, balances
 * and trace) and the portfolio's status. Two times: with `asOf` they are computed from the events
 * recorded by then (as known at); with `org` the figures are placed by the organisation as it stood
 * in each period (`period`) or at a date (`today`, the default, or `yyyy-mm-dd`). Headers `X-Org` and
 * `X-Org-Default` name the organisation used; `/api/ledger` and `/api/portfolio` also answer `org`.
 */
export const reportRoutes = ({ readModels: rm, access, clock, pastReports }: { readModels: ReadModels; access: AccessControl; clock: () => string; pastReports?: PastReports }) => {
  const router = Router();

  /** `asOf` given: the report from the events recorded by then (header `X-As-Of` names the instant) */
  const pastOr = async <T>(req: Request, res: Response, past: (p: PastReports, asOf: AsOf) => Promise<T>, today: () => T) => {
    const asOf = asOfParam(req);
    if (!asOf) return res.json(today());
    if (!pastReports)
      throw new ValidationError('Ugyldig parameter', [{ path: 'asOf', message: 'Denne tjenesten kan ikke vise rapporter bakover i tid' }]);
    const answer = await past(pastReports, asOf);
    res.setHeader('X-As-Of', asOf.instant);
    return res.json(answer);
  };
  /** the span, level and organisation of a report; names the organisation in the answer's headers */
  const reportQuery = (req: Request, res: Response) => {
    const { org, answer } = orgParam(req, todayInOslo(clock()));
    res.setHeader('X-Org', answer.mode === 'period' ? 'period' : (answer.date ?? ''));
    res.setHeader('X-Org-Default', String(answer.default));
    return { q: { ...spanParams(req), org }, org: answer };
  };
  const withOrg = <T extends object>(answer: T, org: OrgAnswer): T & { org: OrgAnswer } => ({ ...answer, org });
  /** the ledger's readers, with what their roles reach */
  const ledgerScope = (req: Request) => {
    const actor = access.allow(req, 'readLedger');
    return { inScope: access.inScope(actor, REPORT_READERS), inTenant: access.inTenant(actor), actor };
  };

  router.get('/api/ledger', async (req, res) => {
    const { inScope, inTenant } = ledgerScope(req);
    const { q, org } = reportQuery(req, res);
    await pastOr(
      req,
      res,
      async (p, asOf) => {
        const r = await p.ledger(asOf, q);
        return withOrg(cutLedger({ from: r.from, to: r.to, level: r.level, flows: r.flows, units: r.units }, inScope, inTenant), org);
      },
      () => withOrg(cutLedger(rm.ledger.ledger(q), inScope, inTenant), org),
    );
  });
  router.get('/api/ledger/matrix', async (req, res) => {
    const { inScope, inTenant } = ledgerScope(req);
    const { q } = reportQuery(req, res);
    await pastOr(req, res, async (p, asOf) => cutMatrix((await p.ledger(asOf, q)).matrix, inScope, inTenant), () => cutMatrix(rm.ledger.matrix(q), inScope, inTenant));
  });
  router.get('/api/ledger/imbalances', async (req, res) => {
    const { inScope, inTenant } = ledgerScope(req);
    const { q } = reportQuery(req, res);
    await pastOr(req, res, async (p, asOf) => cutRows((await p.ledger(asOf, q)).imbalances, inScope, inTenant), () => cutRows(rm.ledger.imbalances(q), inScope, inTenant));
  });
  router.get('/api/ledger/balances', async (req, res) => {
    const { inScope, inTenant } = ledgerScope(req);
    const { q } = reportQuery(req, res);
    await pastOr(req, res, async (p, asOf) => cutRows((await p.ledger(asOf, q)).balances, inScope, inTenant), () => cutRows(rm.ledger.balances(q), inScope, inTenant));
  });
  router.get('/api/ledger/trace', (req, res) => {
    const { inScope, inTenant, actor } = ledgerScope(req);
    const { q } = reportQuery(req, res);
    res.json(cutTrace(rm.ledger.trace({ ...q, fromUnitId: stringParam(req, 'fromUnitId', 200), toUnitId: stringParam(req, 'toUnitId', 200) }), inScope, inTenant, access.foreignIds(actor)));
  });
  router.get('/api/portfolio', async (req, res) => {
    const actor = access.allow(req, 'readPortfolio');
    const inScope = access.inScope(actor, REPORT_READERS);
    const inTenant = access.inTenant(actor);
    const { q, org } = reportQuery(req, res);
    const year = todayInOslo(clock()).slice(0, 4);
    const from = q.from ?? `${year}-T1`;
    const to = q.to ?? `${from.slice(0, 4)}-T3`;
    await pastOr(
      req,
      res,
      async (p, asOf) => withOrg(cutPortfolio(await p.portfolio(asOf, { from, to, level: q.level, org: q.org }), inScope, inTenant), org),
      () => withOrg(cutPortfolio(rm.portfolioStatus({ from, to, level: q.level, org: q.org }), inScope, inTenant), org),
    );
  });
  /** every declared overlap (two projects' benefits sharing one gain) on the reader's units */
  router.get('/api/portfolio/overlaps', (req, res) => {
    const actor = access.allow(req, 'readPortfolio');
    const inScope = access.inScope(actor, REPORT_READERS);
    // a gain shared with another kommune's benefit is the other kommune's too: not shown
    const none = mentionsNone(access.foreignIds(actor));
    res.json(declaredOverlaps(rm.portfolio, rm.units).filter((o) => inScope(o.recipientUnitId) && none(o)));
  });
  return router;
};
