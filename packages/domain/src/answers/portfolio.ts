import { z } from 'zod';
import { OrgAnswerSchema } from './ledger';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period, PENDING_DESCRIPTION, StatusSchema } from './primitives';

export const PortfolioCellSchema = z.object({
  period,
  status: StatusSchema.nullable(),
  /** the period's realisation is not yet due at the report's instant and nothing is realised in it: not judged, so no status */
  pending: z.boolean().describe(PENDING_DESCRIPTION),
  plannedOre: ore,
  realisedOre: ore,
  /** mean achievement of the unit's benefits from measurements taken by the period's last day */
  achievementPct: z.number().nullable(),
  /** realised against the previous period, in %; null when the previous period realised nothing */
  changePct: z.number().nullable(),
});
export type PortfolioCell = z.infer<typeof PortfolioCellSchema>;

/** `GET /api/portfolio`: status per recipient unit and period. */
export const PortfolioSchema = z.object({
  periods: z.array(period),
  /** set by the API: the organisation the rows are placed by (see `OrgAnswerSchema`) */
  org: OrgAnswerSchema.optional(),
  rows: z.array(z.object({ unitId: z.string(), cells: z.array(PortfolioCellSchema) })),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;
