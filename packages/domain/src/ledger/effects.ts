import type { LedgerEvent } from './evolve';

/**
 * Which of the ledger's figures an event may change: the figures of one benefit (its project's part
 * of the report), of one project (its costs and the shares its gains are split by), the settlements,
 * the organisation (every report: units, their places and the layers of a span), or nothing (the
 * facts keep it for other views, but no report reads it). Events the ledger does not fold
 * (`isLedgerEvent`) change nothing either.
 */
export type LedgerEffect =
  | { on: 'nothing' }
  | { on: 'benefit'; benefitId: string }
  | { on: 'project'; projectId: string }
  | { on: 'settlements' }
  | { on: 'organisation' };

const NOTHING: LedgerEffect = { on: 'nothing' };
const SETTLEMENTS: LedgerEffect = { on: 'settlements' };
const ORGANISATION: LedgerEffect = { on: 'organisation' };

/**
 * The one rule for what a ledger event invalidates. A new ledger event type without a case here is a
 * compile error; when in doubt, answer `organisation` (everything is computed again).
 */
export function ledgerEffectOf(event: LedgerEvent): LedgerEffect {
  switch (event.type) {
    // names, owners, baselines, measurements, phases: shown elsewhere, never in a figure
    case 'UnitRenamed':
    case 'BaselineMeasured':
    case 'MeasurementRecorded':
    case 'BenefitOwnerAssigned':
    case 'ProjectPhaseChanged':
    case 'ProjectClosed':
      return NOTHING;
    case 'UnitRegistered':
    case 'UnitMoved':
    case 'UnitsMerged':
    case 'UnitMergedInto':
    case 'UnitMoveAnnulled':
    case 'UnitMergerAnnulled':
      return ORGANISATION;
    case 'ProjectRegistered':
    case 'CostRecorded':
    case 'CostCorrected':
    case 'CostReversed':
    case 'AnnualCostStopped':
      return { on: 'project', projectId: event.data.projectId };
    case 'BenefitPlanned':
    case 'UnplannedBenefitRecorded':
    case 'BenefitRealised':
    case 'BenefitRealisationCorrected':
    case 'BenefitForecastRevised':
    case 'BenefitCancelled':
    case 'BudgetWithdrawalRecorded':
      return { on: 'benefit', benefitId: event.data.benefitId };
    case 'SettlementRecorded':
      return SETTLEMENTS;
    default:
      return unhandled(event);
  }
}

const unhandled = (event: never): never => {
  throw new Error(`Unhandled ledger event: ${JSON.stringify(event)}`);
};
