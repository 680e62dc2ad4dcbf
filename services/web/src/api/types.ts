/**
 * Shapes of the HTTP API (docs/contract.md), as the domain defines them once. Type-only imports:
 * nothing of the domain ends up in the bundle. Amounts are integer øre.
 */
import type { AnswerFieldError, ErrorResponse, HourlyRate, Status as JudgedStatus, WriteResult } from '@gevinst/domain/answers';

export type Period = string;
/** a period's status; null while it is not judged */
export type Status = JudgedStatus | null;
export type { JudgedStatus };

export type FieldError = AnswerFieldError;
export type ErrorBody = ErrorResponse;
export type Created = WriteResult;

/** The unit registry's answers. */
export type { UnitDetail, UnitHistoryEntry, UnitSummary as Unit, HourlyRate } from '@gevinst/domain/answers';
/** what an hourly rate is made of: as sent with `setHourlyRate`, and as answered */
export type HourlyRateSource = HourlyRate['source'];

/** The benefit's vocabulary, as the events define it. */
export type { BenefitCategory as Category, Direction, MeasurementSchedule as Schedule, PlanEntry as PlanLine } from '@gevinst/domain/events';
export type { CostKind, ProjectPhase } from '@gevinst/domain/events';
export type { ReminderKind } from '@gevinst/domain/events';
export type { Trend } from '@gevinst/domain/answers';
/** Role code names, as the policy knows them. */
export type { Role as RoleName } from '@gevinst/domain/events';

export type {
  AuditEntry,
  AuditTrail,
  DeclaredOverlap,
  OverlapSide,
  BenefitView,
  CostView as Cost,
  DueItem,
  DueReminder,
  History,
  HistoryEntry,
  ImportProblem,
  ImportQuestion,
  ImportReport,
  Me,
  PlanVersion,
  PlanVersions,
  Portfolio,
  ProjectDetail,
  ProjectSummary,
  TraceEntry,
} from '@gevinst/domain/answers';

/** The ledger's answers. */
export type {
  BalanceRow as Balance,
  Flow,
  ImbalanceRow as Imbalance,
  LedgerAnswer as Ledger,
  LedgerMatrix as Matrix,
  LedgerUnitRow,
} from '@gevinst/domain/answers';

export interface Span {
  from: Period;
  to: Period;
  level: number;
}

export type AuditSubject = 'projects' | 'benefits' | 'units';

/** Realisation actions and risks per benefit. */
export type { BenefitAction, BenefitRisk, MatrixRisk, MyAction, RiskMatrix } from '@gevinst/domain/answers';
export type { ActionStatus } from '@gevinst/domain/events';
/** The gevinstkart's answers and vocabulary. */
export type { BenefitMapView, MapBenefitFacts, MapEdgeView, MapNodeView } from '@gevinst/domain/answers';
export type { MapNodeKind } from '@gevinst/domain/events';
/** The målstruktur's answers. */
export type { GoalScorecard, GoalScorecardRow, GoalSummary } from '@gevinst/domain/answers';
export type { GoalKind } from '@gevinst/domain/events';
/** The årshjul: deadlines, and what is missing before a tertial report. */
export type { CalendarAnswer, CalendarDeadlineAnswer as CalendarDeadline, CalendarMissing, MissingBenefit } from '@gevinst/domain/answers';
export type { DeadlineKind } from '@gevinst/domain/events';
