import type { CostKind, Thresholds } from '@gevinst/domain/events';
import { del, get, patch, post, postFile, query } from './client';
import type {
  AuditSubject, AuditTrail, Balance, DeclaredOverlap, BenefitView, History, PlanVersions, Me, HourlyRateSource, ImportReport, Created, DueItem, Imbalance, Ledger, Matrix, PlanLine, Portfolio,
  ProjectDetail, ProjectSummary, Span, TraceEntry, Unit, UnitDetail, Category, Direction, Schedule,
} from './types';
import type { BenefitMapView } from './types';
import type { ActionStatus, BenefitAction, BenefitRisk, MyAction, RiskMatrix } from './types';
import type { GoalKind, GoalScorecard, GoalSummary } from './types';
import type { CalendarAnswer, CalendarMissing, DeadlineKind } from './types';

const enc = encodeURIComponent;
/**
 * `asOf`: the report as it stood at the end of that day (Oslo) — only events recorded by then.
 * `org`: the organisation the figures are placed by — `period` (as it stood in each period), `today`
 * or a date; absent: the API's default (today).
 */
export type AsOfSpan = Span & { asOf?: string | null; org?: string | null };
const span = (s: AsOfSpan) => ({ from: s.from, to: s.to, level: s.level, asOf: s.asOf ?? null, org: s.org ?? null });

export const units = {
  list: () => get<Unit[]>('/api/units'),
  get: (id: string) => get<UnitDetail>(`/api/units/${enc(id)}`),
  register: (body: { name: string; parentId?: string | null; orgNumber?: string | null; leader?: string | null }) =>
    post<Created>('/api/units', body),
  rename: (id: string, body: { name: string }) => post<Created>(`/api/units/${enc(id)}/rename`, body),
  move: (id: string, body: { newParentId: string | null; effectiveDate?: string }) => post<Created>(`/api/units/${enc(id)}/move`, body),
  assignLeader: (id: string, body: { leader: string }) => post<Created>(`/api/units/${enc(id)}/leader`, body),
  setHourlyRate: (id: string, body: { year: number; rateOre: number; source: HourlyRateSource }) =>
    post<Created>(`/api/units/${enc(id)}/hourly-rates`, body),
  merge: (body: { mergedUnitIds: string[]; successorUnitId?: string; successorName?: string; parentId?: string | null; effectiveDate: string }) =>
    post<Created>('/api/units/merge', body),
  annulMove: (id: string, body: { effectiveDate: string; reason: string }) => post<Created>(`/api/units/${enc(id)}/move/annul`, body),
  annulMerger: (id: string, body: { successorUnitId: string; effectiveDate: string; reason: string }) =>
    post<Created>(`/api/units/${enc(id)}/merger/annul`, body),
};

export interface CostInput {
  payerUnitId: string;
  amountOre: number;
  period: string;
  kind: CostKind;
  description?: string | null;
  /** annual: first budget year, and the last (null: until stopped) */
  startYear?: number | null;
  endYear?: number | null;
}

export interface BenefitInput {
  title: string;
  recipientUnitId: string;
  owner: string;
  indicator: string;
  unitOfMeasure: string;
  direction: Direction;
  category: Category;
  cashReleasing: boolean;
  valuationOrePerUnit?: number | null;
  baseline?: number | null;
  target?: number | null;
  targetDate?: string | null;
  plan: PlanLine[];
  measurementSchedule?: Schedule;
  /** how a gain another project's benefit claims too is shared (after a 409 `benefit_overlaps`) */
  sharedWith?: SharedGain[];
}

export interface SharedGain {
  benefitId: string;
  sharePercent: number;
  otherSharePercent: number;
}

export const projects = {
  list: () => get<ProjectSummary[]>('/api/projects'),
  get: (id: string) => get<ProjectDetail>(`/api/projects/${enc(id)}`),
  register: (body: { name: string; ownerUnitId: string; projectLeader: string; thresholds?: Thresholds }) =>
    post<Created>('/api/projects', body),
  recordCost: (id: string, body: CostInput) => post<Created>(`/api/projects/${enc(id)}/costs`, body),
  correctCost: (id: string, costId: string, body: Omit<CostInput, 'payerUnitId'> & { reason: string }) =>
    post<Created>(`/api/projects/${enc(id)}/costs/${enc(costId)}/corrections`, body),
  reverseCost: (id: string, costId: string, body: { reason: string }) => post<Created>(`/api/projects/${enc(id)}/costs/${enc(costId)}/reversal`, body),
  /** the project's own changes and its benefits', oldest first */
  history: (id: string) => get<History>(`/api/projects/${enc(id)}/history`),
  stopAnnualCost: (id: string, costId: string, body: { lastYear: number; reason: string }) => post<Created>(`/api/projects/${enc(id)}/costs/${enc(costId)}/stop`, body),
  changePhase: (id: string, body: { phase: string }) => post<Created>(`/api/projects/${enc(id)}/phase`, body),
  planBenefit: (id: string, body: BenefitInput) => post<Created>(`/api/projects/${enc(id)}/benefits`, body),
  /** Dry run or commit of a filled-in gevinstrealiseringsplan; a refused commit (422) still answers with the report. */
  importPlan: (id: string, file: Blob, options: { dryRun: boolean; units?: Record<string, string> }) =>
    postFile<ImportReport>(
      `/api/projects/${enc(id)}/import${query({ dryRun: options.dryRun ? 1 : null, units: options.units && Object.keys(options.units).length ? JSON.stringify(options.units) : null })}`,
      file,
      XLSX_TYPE,
      (status) => status === 422,
    ),
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const benefits = {
  get: (id: string) => get<BenefitView>(`/api/benefits/${enc(id)}`),
  measureBaseline: (id: string, body: { value: number; measuredOn: string; reason?: string | null }) => post<Created>(`/api/benefits/${enc(id)}/baseline`, body),
  /** approves the plan as it stands at a decision point (Prosjektveiviseren's BP1–BP4, or another) */
  approvePlan: (id: string, body: { decisionPoint: string; note?: string | null }) => post<Created>(`/api/benefits/${enc(id)}/approvals`, body),
  /** every change, oldest first: original plan, approvals, revisions with reasons, owners, baselines, measurements, cancellation */
  history: (id: string) => get<History>(`/api/benefits/${enc(id)}/history`),
  /** approved versions against the current plan and the realised, with the variance per period */
  planVersions: (id: string) => get<PlanVersions>(`/api/benefits/${enc(id)}/plan-versions`),
  recordMeasurement: (id: string, body: { value: number; measuredOn: string; comment?: string | null; evidenceUrl?: string | null }) =>
    post<Created>(`/api/benefits/${enc(id)}/measurements`, body),
  recordRealisation: (id: string, body: { period: string; quantity: number; comment?: string | null; evidenceUrl?: string | null }) =>
    post<Created>(`/api/benefits/${enc(id)}/realisations`, body),
  /** the file's bytes as the body, its type as Content-Type; `attachmentId` is its SHA-256 */
  attachEvidence: (id: string, file: Blob, type: string, params: { fileName: string; measuredOn?: string | null; period?: string | null }) =>
    postFile<Created & { attachmentId: string }>(`/api/benefits/${enc(id)}/evidence${query(params)}`, file, type),
  recordWithdrawal: (id: string, body: { period: string; amountOre: number; saksnummer?: string | null; comment?: string | null }) =>
    post<Created>(`/api/benefits/${enc(id)}/withdrawals`, body),
  correctRealisation: (id: string, body: { period: string; quantity: number; reason: string; comment?: string | null }) =>
    post<Created>(`/api/benefits/${enc(id)}/corrections`, body),
  reviseForecast: (id: string, body: { plan: PlanLine[]; reason: string }) => post<Created>(`/api/benefits/${enc(id)}/forecast`, body),
  assignOwner: (id: string, body: { owner: string }) => post<Created>(`/api/benefits/${enc(id)}/owner`, body),
  cancel: (id: string, body: { reason: string }) => post<Created>(`/api/benefits/${enc(id)}/cancel`, body),
  recordUnplanned: (body: {
    projectId?: string | null; title: string; recipientUnitId: string; category: Category; period: string;
    quantity: number; unitOfMeasure: string; valueOre: number; description: string;
  }) => post<Created>('/api/unplanned-benefits', body),
};

export const settlements = {
  record: (body: {
    fromUnitId: string; toUnitId: string; amountOre: number; period: string; saksnummer: string; projectId?: string | null; comment?: string | null;
    override?: boolean; overrideReason?: string | null;
  }) =>
    post<Created>('/api/settlements', body),
};

export const due = {
  list: (params: { owner?: string; at?: string }) => get<DueItem[]>(`/api/due${query(params)}`),
};

export const ledger = {
  flows: (s: AsOfSpan) => get<Ledger>(`/api/ledger${query(span(s))}`),
  matrix: (s: AsOfSpan) => get<Matrix>(`/api/ledger/matrix${query(span(s))}`),
  imbalances: (s: AsOfSpan) => get<Imbalance[]>(`/api/ledger/imbalances${query(span(s))}`),
  balances: (s: AsOfSpan) => get<Balance[]>(`/api/ledger/balances${query(span(s))}`),
  trace: (s: AsOfSpan & { fromUnitId?: string; toUnitId?: string }) =>
    get<TraceEntry[]>(`/api/ledger/trace${query({ ...span(s), fromUnitId: s.fromUnitId, toUnitId: s.toUnitId })}`),
};

export const portfolio = {
  get: (s: AsOfSpan) => get<Portfolio>(`/api/portfolio${query(span(s))}`),
  /** every declared overlap: two projects' benefits sharing one gain */
  overlaps: () => get<DeclaredOverlap[]>('/api/portfolio/overlaps'),
};

/** Addresses of the spreadsheet downloads (plain links: the browser saves the file). */
export const downloads = {
  template: () => '/api/templates/gevinstrealiseringsplan.xlsx',
  evidence: (benefitId: string, attachmentId: string) => `/api/benefits/${enc(benefitId)}/evidence/${enc(attachmentId)}`,
  ledger: (format: 'xlsx' | 'csv', s: AsOfSpan, view?: 'flows' | 'matrix' | 'units' | 'balances') =>
    `/api/export/ledger.${format}${query({ ...span(s), view })}`,
  portfolio: (format: 'xlsx' | 'csv', s: AsOfSpan) => `/api/export/portfolio.${format}${query(span(s))}`,
  projectPlan: (format: 'xlsx' | 'csv', projectId: string) => `/api/export/projects/${enc(projectId)}/plan.${format}`,
};

/** The logged-in person (401 when nobody is; 404 from a server without login). */
export const me = {
  get: () => get<Me>('/api/me'),
};

/** Who did what, when, for one project, benefit or unit. */
export const audit = {
  of: (subject: AuditSubject, id: string) => get<AuditTrail>(`/api/audit/${subject}/${enc(id)}`),
};

/** Addresses of the login routes (plain navigation: the server answers with redirects). */
export const auth = {
  login: (returnTo: string) => `/auth/login${query({ returnTo })}`,
  logout: '/auth/logout',
};

/** Realisation actions (gevinstrealiseringstiltak) and risks per benefit, the person's actions and the portfolio's risk matrix. */
export const followUp = {
  actions: (benefitId: string) => get<BenefitAction[]>(`/api/benefits/${enc(benefitId)}/actions`),
  addAction: (benefitId: string, body: { title: string; owner: string; deadline: string; comment?: string | null }) =>
    post<Created>(`/api/benefits/${enc(benefitId)}/actions`, body),
  updateAction: (benefitId: string, actionId: string, body: { status?: ActionStatus | null; deadline?: string | null; owner?: string | null; comment?: string | null }) =>
    post<Created>(`/api/benefits/${enc(benefitId)}/actions/${enc(actionId)}`, body),
  risks: (benefitId: string) => get<BenefitRisk[]>(`/api/benefits/${enc(benefitId)}/risks`),
  assessRisk: (benefitId: string, body: { riskId?: string; threat: string; probability: number; consequence: number; mitigation?: string | null }) =>
    post<Created>(`/api/benefits/${enc(benefitId)}/risks`, body),
  closeRisk: (benefitId: string, riskId: string, body: { reason: string }) => post<Created>(`/api/benefits/${enc(benefitId)}/risks/${enc(riskId)}/close`, body),
  mine: (params: { owner?: string }) => get<MyAction[]>(`/api/actions${query(params)}`),
  matrix: () => get<RiskMatrix>('/api/portfolio/risks'),
};

/** A node of the gevinstkart as sent: `label` may be left out for a benefit of the project. */
export interface MapNodeInput {
  kind: string;
  label?: string;
  benefitId?: string | null;
  goalId?: string | null;
}

export const benefitMap = {
  get: (projectId: string) => get<BenefitMapView>(`/api/projects/${enc(projectId)}/benefit-map`),
  addNode: (projectId: string, body: MapNodeInput) => post<Created>(`/api/projects/${enc(projectId)}/benefit-map/nodes`, body),
  changeNode: (projectId: string, nodeId: string, body: { label?: string; benefitId?: string | null; goalId?: string | null }) =>
    patch<Created>(`/api/projects/${enc(projectId)}/benefit-map/nodes/${enc(nodeId)}`, body),
  removeNode: (projectId: string, nodeId: string) => del<Created>(`/api/projects/${enc(projectId)}/benefit-map/nodes/${enc(nodeId)}`),
  addEdge: (projectId: string, body: { from: string; to: string; assumption: string }) => post<Created>(`/api/projects/${enc(projectId)}/benefit-map/edges`, body),
  removeEdge: (projectId: string, edgeId: string) => del<Created>(`/api/projects/${enc(projectId)}/benefit-map/edges/${enc(edgeId)}`),
};

export interface GoalRequirementInput {
  year: number;
  requiredValue: number;
  unitOfMeasure: string;
  direction: Direction;
  desiredLimit: number;
  acceptableLimit: number;
}

/** The målstruktur (hovedmål → delmål → måleindikator) and its målekort. */
export const goals = {
  list: (unitId?: string | null) => get<GoalSummary[]>(`/api/goals${query({ unitId: unitId ?? null })}`),
  scorecard: (id: string) => get<GoalScorecard>(`/api/goals/${enc(id)}/scorecard`),
  unitScorecard: (unitId: string) => get<GoalScorecard>(`/api/goals/scorecard${query({ unitId })}`),
  define: (body: { kind: GoalKind; title: string; description?: string | null; unitId: string; parentGoalId: string | null }) => post<Created>('/api/goals', body),
  setRequirement: (id: string, body: GoalRequirementInput) => post<Created>(`/api/goals/${enc(id)}/requirements`, body),
  recordResult: (id: string, body: { year: number; value: number; comment?: string | null; reason?: string | null }) =>
    post<Created>(`/api/goals/${enc(id)}/results`, body),
  linkBenefit: (id: string, benefitId: string) => post<Created>(`/api/goals/${enc(id)}/benefits`, { benefitId }),
  unlinkBenefit: (id: string, benefitId: string) => post<Created>(`/api/goals/${enc(id)}/benefits/${enc(benefitId)}/unlink`, {}),
  linkProject: (id: string, projectId: string) => post<Created>(`/api/goals/${enc(id)}/projects`, { projectId }),
};

/** The årshjul (reporting calendar). */
export const calendar = {
  year: (year?: number | null) => get<CalendarAnswer>(`/api/calendar${query({ year: year ?? null })}`),
  missing: (period: string, unitId?: string | null) => get<CalendarMissing>(`/api/calendar/${enc(period)}/missing${query({ unit: unitId ?? null })}`),
  setDeadline: (body: { kind: DeadlineKind; period: string; date: string; title: string; remindDaysBefore?: number }) => post<Created>('/api/calendar/deadlines', body),
  removeDeadline: (deadlineId: string, reason: string) => post<Created>(`/api/calendar/deadlines/${enc(deadlineId)}/remove`, { reason }),
};
