/** The read models the exports are made from: the API's answers, as the domain defines them (docs/contract.md). */
import type { BalanceRow, LedgerAnswer as LedgerReportAnswer, LedgerMatrix, LedgerUnitRow, Portfolio, ProjectDetail } from '@gevinst/domain/answers';

export type { BenefitView } from '@gevinst/domain/answers';

export interface LedgerQuery {
  from?: string;
  to?: string;
  level?: number;
  /** as it stood at this instant (ISO, UTC): only facts recorded by then count */
  asOf?: string;
  /** the organisation figures are placed by: `period`, or a date `yyyy-mm-dd` (absent: today) */
  org?: string;
}

/** `GET /api/ledger`: the sheets show only these columns of a unit. */
export type LedgerAnswer = Pick<LedgerReportAnswer, 'flows'> & {
  units: Pick<LedgerUnitRow, 'unitId' | 'costsOre' | 'gainsReceivedOre' | 'gainsProducedForOthersOre' | 'netOre'>[];
};

export type MatrixAnswer = LedgerMatrix;

export type BalancesAnswer = BalanceRow[];

export type PortfolioAnswer = Portfolio;

/** `GET /api/projects/:id` */
export type ProjectView = ProjectDetail;
