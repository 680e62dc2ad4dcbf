/** The read models the exports are made from, as the API answers them (docs/contract.md). */

export interface LedgerQuery {
  from?: string;
  to?: string;
  level?: number;
  /** as it stood at this instant (ISO, UTC): only facts recorded by then count */
  asOf?: string;
}

export interface LedgerAnswer {
  flows: { fromUnitId: string; toUnitId: string; ore: number }[];
  units: { unitId: string; costsOre: number; gainsReceivedOre: number; gainsProducedForOthersOre: number; netOre: number }[];
}

export interface MatrixAnswer {
  unitIds: string[];
  cells: { investorUnitId: string; recipientUnitId: string; ore: number }[];
  diagonal: { unitId: string; ore: number }[];
}

export type BalancesAnswer = {
  unitId: string;
  plannedOre: number;
  realisedOre: number;
  cashReleasingOre: number;
  withdrawnOre: number;
  settledInOre: number;
  settledOutOre: number;
  openOre: number;
}[];

export type Status = 'green' | 'yellow' | 'red' | null;

export interface PortfolioAnswer {
  periods: string[];
  rows: {
    unitId: string;
    cells: { period: string; status: Status; plannedOre: number; realisedOre: number; achievementPct: number | null; changePct: number | null }[];
  }[];
}

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
  statusByPeriod?: { period: string; status: Status; plannedOre: number; realisedOre: number }[];
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
