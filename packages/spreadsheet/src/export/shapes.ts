/** The read models the exports are made from, as the API answers them (docs/contract.md). */
import type { BalanceRow, Flow, LedgerMatrix, LedgerUnitRow } from '@gevinst/domain/ledger/index';
import type { Portfolio } from '@gevinst/domain/status/portfolio';

export interface LedgerQuery {
  from?: string;
  to?: string;
  level?: number;
  /** as it stood at this instant (ISO, UTC): only facts recorded by then count */
  asOf?: string;
}

/** `GET /api/ledger`: the domain's rows; the sheets show only these columns of a unit. */
export interface LedgerAnswer {
  flows: Flow[];
  units: Pick<LedgerUnitRow, 'unitId' | 'costsOre' | 'gainsReceivedOre' | 'gainsProducedForOthersOre' | 'netOre'>[];
}

export type MatrixAnswer = LedgerMatrix;

export type BalancesAnswer = BalanceRow[];

export type Status = 'green' | 'yellow' | 'red' | null;

export type PortfolioAnswer = Portfolio;

export interface BenefitView {
  id: string;
  projectId: string;
  title: string;
  recipientUnitId: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: 'increase' | 'decrease';
  category: 'budget' | 'capacity' | 'otherPublic' | 'unpriced';
  cashReleasing: boolean;
  valuationOrePerUnit: number | null;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  cancelled: boolean;
  /** recorded as UnplannedBenefitRecorded: not part of the plan */
  unplanned?: boolean;
  plan: { period: string; quantity: number; plannedOre?: number }[];
  realisations: { period: string; quantity: number; valueOre: number; corrected?: boolean }[];
  statusByPeriod?: { period: string; status: Status; pending?: boolean; plannedOre: number; realisedOre: number }[];
  achievementPct?: number | null;
  /** Endring/tiltak and Kommentar (BenefitPlanned v3), and the date of the measured baseline */
  change?: string | null;
  comment?: string | null;
  baselineMeasuredOn?: string | null;
  measurements?: { value: number; measuredOn: string; period?: string }[];
}

export interface ProjectView {
  id: string;
  name: string;
  ownerUnitId: string;
  projectLeader: string;
  phase: string;
  benefits: BenefitView[];
}
