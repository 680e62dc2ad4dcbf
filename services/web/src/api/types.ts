/** Shapes of the HTTP API, as written in docs/contract.md. Amounts are integer øre. */
import type { Direction, BenefitCategory as Category } from '@gevinst/domain/events/benefits';
import type { CostKind, ProjectPhase, Thresholds } from '@gevinst/domain/events/projects';
import type { ReminderKind } from '@gevinst/domain/events/reminders';
import type { Flow, LedgerUnitRow } from '@gevinst/domain/ledger/index';

export type Period = string;
export type Status = 'green' | 'yellow' | 'red' | null;

export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}

export interface Created {
  id: string;
  revision?: string;
}

/** The unit registry's answers, as the read model keeps them. */
export type { UnitDetail, UnitHistoryEntry, UnitSummary as Unit } from '@gevinst/projections/units/UnitsRegistry';

export interface ProjectSummary {
  id: string;
  name: string;
  ownerUnitId: string;
  projectLeader: string;
  phase: ProjectPhase;
  closed: boolean;
  totalCostOre: number;
  benefitCount: number;
  status: Status;
}

export interface Cost {
  costId: string;
  payerUnitId: string;
  amountOre: number;
  period: Period;
  kind: CostKind;
  description?: string | null;
}

/** The benefit's vocabulary, as the events define it. */
export type { BenefitCategory as Category, Direction, MeasurementSchedule as Schedule, PlanEntry as PlanLine } from '@gevinst/domain/events/benefits';

export interface BenefitView {
  id: string;
  projectId: string;
  title: string;
  recipientUnitId: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: Direction;
  category: Category;
  cashReleasing: boolean;
  valuationOrePerUnit: number | null;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  cancelled: boolean;
  plan: { period: Period; quantity: number; plannedOre: number }[];
  realisations: { period: Period; quantity: number; valueOre: number; corrected: boolean }[];
  measurements: { value: number; measuredOn: string; period: Period }[];
  withdrawals: { period: Period; amountOre: number; saksnummer: string | null }[];
  achievementPct: number | null;
  trend: 'up' | 'down' | 'flat' | null;
  /** `pending`: not yet due and nothing realised, so not judged (no status) */
  statusByPeriod: { period: Period; status: Status; pending: boolean; plannedOre: number; realisedOre: number }[];
}

export interface ProjectDetail {
  id: string;
  name: string;
  ownerUnitId: string;
  projectLeader: string;
  phase: ProjectSummary['phase'];
  closed?: boolean;
  thresholds: Thresholds;
  costs: Cost[];
  benefits: BenefitView[];
}

export interface DueItem {
  benefitId: string;
  benefitTitle: string;
  projectId: string;
  projectName: string;
  period: Period;
  dueDate: string;
  state: 'upcoming' | 'due' | 'overdue';
  what: 'measurement' | 'realisation';
  reminders: DueReminder[];
}

/** A reminder about one due value: claimed (`sentAt`), accepted by the mail server (`deliveredAt`), or given up on. */
export interface DueReminder {
  kind: ReminderKind;
  sentAt: string;
  deliveredAt: string | null;
  deliveryFailed: { at: string; error: string; attempts: number } | null;
}

export interface Span {
  from: Period;
  to: Period;
  level: number;
}

/** The ledger's answers are the domain's report rows, as the API sends them. */
export type { BalanceRow as Balance, Flow, ImbalanceRow as Imbalance, LedgerMatrix as Matrix, LedgerUnitRow } from '@gevinst/domain/ledger/index';

export interface Ledger {
  flows: Flow[];
  units: LedgerUnitRow[];
}

export interface TraceEntry {
  streamName: string;
  revision: string | number;
  type: string;
  userId: string | null;
  recordedAt: string;
  period: Period | null;
  ore: number | null;
  saksnummer: string | null;
}

export type { Portfolio } from '@gevinst/domain/status/portfolio';

export interface HourlyRateSource {
  wageOre: number;
  employerContributionOre: number;
  socialCostsOre: number;
  note?: string;
}

/** A problem in an uploaded sheet: where (sheet, row, column header, cell like `C7`) and what, in bokmål. */
export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell?: string | null;
  message: string;
}

export interface ImportQuestion {
  sheet: string;
  column: string;
  value: string;
  rows: number[];
  message: string;
  candidates: { unitId: string; name: string; path: string; orgNumber: string | null }[];
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  problems: ImportProblem[];
  questions: ImportQuestion[];
  benefits: number;
  benefitIds: string[];
  unchanged: number;
  warnings: string[];
  ignoredColumns?: string[];
}

/** Role code names, as the policy knows them. */
export type RoleName = 'administrator' | 'finance' | 'management' | 'project-leader' | 'benefit-owner';

/** `GET /api/me`: the logged-in person; 401 when nobody is logged in. */
export interface Me {
  id: string;
  name: string;
  email: string | null;
  via: 'session' | 'bearer' | 'admin-token';
  groups: string[];
  /** `unitId`/`unitName` for roles scoped to a unit subtree; null for the whole installation */
  roles: { role: RoleName; unitId: string | null; unitName: string | null }[];
}

/** One recorded fact about a project, benefit or unit: who did what, when, in which role. */
export interface AuditEntry {
  /** ISO instant */
  at: string;
  position: string;
  type: string;
  userId: string;
  userName: string | null;
  role: string | null;
  data: Record<string, unknown>;
}

/** `GET /api/audit/{projects|benefits|units}/:id`, newest first or not: the UI sorts. */
export interface AuditTrail {
  entries: AuditEntry[];
}

export type AuditSubject = 'projects' | 'benefits' | 'units';
