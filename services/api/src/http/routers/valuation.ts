import { z } from 'zod';
import { DomainError, parseWith, ValidationError } from '@gevinst/domain/errors';
import { costBenefitReport, valueBenefit, benefitToValue } from '@gevinst/domain/valuation';
import type { BenefitValuationAnswer, CostBenefitReportAnswer, CostBenefitSettingsAnswer } from '@gevinst/domain/answers';
import { costBenefitSourceOf, rateBookOf, type ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { REPORT_READERS, type AccessControl } from '../access';
import { todayInOslo } from './today';

const year = (field: string) =>
  z
    .string()
    .regex(/^\d{4}$/, { error: `${field} må være et årstall med fire siffer (f.eks. 2026)` })
    .transform(Number)
    .refine((y) => y >= 1900 && y <= 2200, { error: `${field} må være mellom 1900 og 2200` });

/** `GET /api/cost-benefit`'s query: `project=<id>` or `portfolio`, and the parameters a person may override. */
export const CostBenefitQuerySchema = z
  .strictObject({
    project: z.string().trim().min(1, { error: 'Oppgi prosjektets id' }).max(200, { error: 'For lang id' }).optional(),
    portfolio: z.string().max(10, { error: 'Skal stå uten verdi' }).optional(),
    from: year('Første år').optional(),
    years: z
      .string()
      .regex(/^\d{1,2}$/, { error: 'Analyseperioden må være et helt antall år' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 40, { error: 'Analyseperioden må være fra 1 til 40 år' })
      .optional(),
    rate: z
      .string()
      .regex(/^\d{1,2}([.,]\d{1,2})?$/, { error: 'Kalkulasjonsrenten må være et tall i prosent med høyst to desimaler (f.eks. 4 eller 3,5)' })
      .transform((v) => Number(v.replace(',', '.')))
      .refine((r) => r <= 20, { error: 'Kalkulasjonsrenten kan ikke være over 20 %' })
      .optional(),
    priceYear: year('Prisåret').optional(),
  }, { error: (issue) => (issue.code === 'unrecognized_keys' ? `Ukjent parameter: ${issue.keys.join(', ')}` : undefined) })
  .superRefine((q, ctx) => {
    if ((q.project === undefined) === (q.portfolio === undefined))
      ctx.addIssue({ code: 'custom', path: ['project'], message: 'Oppgi enten project=<id> eller portfolio' });
  });

/** figures too large for whole øre (a timesats or quantity far out of range) are refused, never a 500 */
const computed = <T>(compute: () => T): T => {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && error.name === 'InvalidAmountError'))
      throw new DomainError('amount_too_large', `Beløpene blir for store til å regne med: ${error.message}`, []);
    throw error;
  }
};

const queryOf = (raw: unknown) => {
  for (const [k, v] of Object.entries(raw as Record<string, unknown>))
    if (typeof v !== 'string') throw new ValidationError('Ugyldig parameter', [{ path: k, message: 'Oppgi parameteren én gang, som tekst' }]);
  return parseWith(CostBenefitQuerySchema, raw, 'Ugyldig parameter');
};

/**
 * Valuation and kost/nytte (docs/domain.md «Verdsetting og kost/nytte»): a benefit's value in kroner
 * with the timesats and source of each year; kost/nytte for a project (read like the project) or the
 * portfolio (read like the målekort, cut to the reader's units); the installation's settings.
 */
export const valuationRoutes = ({ readModels: rm, access, clock }: { readModels: ReadModels; access: AccessControl; clock: () => string }) => {
  const router = Router();
  const currentYear = () => Number(todayInOslo(clock()).slice(0, 4));

  router.get('/api/valuation/benefits/:id', (req, res) => {
    const id = req.params.id;
    access.readBenefit(req, id);
    const fact = rm.ledger.facts.benefits.get(id);
    const unitOfMeasure = rm.portfolio.benefits.get(id)?.unitOfMeasure ?? null;
    if (!fact) throw new ValidationError('Ugyldig gevinst', [{ path: 'id', message: 'Gevinsten finnes ikke i regnskapet' }]);
    const answer: BenefitValuationAnswer = computed(() => valueBenefit(benefitToValue(fact, unitOfMeasure), rateBookOf(rm.units)));
    res.json(answer);
  });

  router.get('/api/cost-benefit', (req, res) => {
    const q = queryOf(req.query);
    const base = { currentYear: currentYear(), from: q.from ?? null, years: q.years ?? null, discountRatePct: q.rate ?? null, priceYear: q.priceYear ?? null };
    let answer: CostBenefitReportAnswer;
    const projectId = q.project;
    if (projectId !== undefined) {
      access.readProject(req, projectId);
      answer = computed(() => costBenefitReport(costBenefitSourceOf(rm), { ...base, projectId }));
    } else {
      const inScope = access.inScope(access.allow(req, 'readPortfolio'), REPORT_READERS);
      const includeProject = (projectId: string) => {
        const owner = rm.portfolio.projects.get(projectId)?.ownerUnitId;
        return !!owner && inScope(owner);
      };
      answer = computed(() => costBenefitReport(costBenefitSourceOf(rm), { ...base, projectId: null, includeProject }));
    }
    res.json(answer);
  });

  router.get('/api/cost-benefit/settings', (req, res) => {
    access.actor(req);
    const answer: CostBenefitSettingsAnswer = rm.valuation.answer();
    res.json(answer);
  });
  return router;
};
