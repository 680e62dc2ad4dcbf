/** The answer shapes of the read models, as the domain defines them once (docs/contract.md), named for the OpenAPI description. */
import type { z } from 'zod';
import {
  AuditEntrySchema,
  AuditTrailSchema,
  BalancesSchema,
  BenefitMapViewSchema,
  BenefitViewSchema,
  DeclaredOverlapsSchema,
  DueItemSchema,
  ErrorResponseSchema,
  GoalListSchema,
  GoalScorecardSchema,
  HealthSchema,
  HistorySchema,
  ImbalancesSchema,
  ImportReportSchema,
  LedgerAnswerSchema,
  LedgerMatrixSchema,
  MeSchema,
  PlanVersionsSchema,
  PortfolioSchema,
  ProjectDetailSchema,
  ProjectSummarySchema,
  RebuiltSchema,
  RoleGrantsSchema,
  TraceSchema,
  UnitDetailSchema,
  UnitSummarySchema,
  WriteResultSchema,
} from '@gevinst/domain/answers';

export const WriteResult = WriteResultSchema;
export const ErrorResponse = ErrorResponseSchema;
export const UnitSummary = UnitSummarySchema;
export const UnitDetail = UnitDetailSchema;
export const BenefitView = BenefitViewSchema;
export const ProjectSummary = ProjectSummarySchema;
export const ProjectDetail = ProjectDetailSchema;
export const DueItem = DueItemSchema;
export const Ledger = LedgerAnswerSchema;
export const LedgerMatrix = LedgerMatrixSchema;
export const Imbalances = ImbalancesSchema;
export const Balances = BalancesSchema;
export const Trace = TraceSchema;
export const Portfolio = PortfolioSchema;
export const DeclaredOverlaps = DeclaredOverlapsSchema;
export const Health = HealthSchema;
export const Rebuilt = RebuiltSchema;
export const ImportReport = ImportReportSchema;
export const Me = MeSchema;
export const RoleGrants = RoleGrantsSchema;
export const AuditEntry = AuditEntrySchema;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditTrail = AuditTrailSchema;

export const History = HistorySchema;
export const PlanVersions = PlanVersionsSchema;

export { BenefitActionsSchema as BenefitActions, BenefitRisksSchema as BenefitRisks, MyActionsSchema as MyActions, RiskMatrixSchema as RiskMatrix } from '@gevinst/domain/answers';
export const BenefitMapView = BenefitMapViewSchema;
export const GoalList = GoalListSchema;
export const GoalScorecard = GoalScorecardSchema;
export { BenefitValuationSchema as BenefitValuation, CostBenefitReportSchema as CostBenefitReport, CostBenefitSettingsSchema as CostBenefitSettings } from '@gevinst/domain/answers';
export { CalendarAnswerSchema as CalendarAnswer, CalendarMissingSchema as CalendarMissing } from '@gevinst/domain/answers';
