import { applyLedgerEvent, initialLedgerFacts, traceLedger, type LedgerFacts, type TraceEntry } from '@gevinst/domain/ledger/index';
import { LedgerIndex, type FastLedgerReport } from './fastLedger';
import type { RecordedEvent } from '@gevinst/eventstore/port';
import type { Projection } from '../runner/projection';
import type { LedgerQuery } from './span';

const LEDGER_TYPES = new Set([
  'UnitRegistered',
  'UnitRenamed',
  'UnitMoved',
  'UnitsMerged',
  'UnitMergedInto',
  'ProjectRegistered',
  'ProjectPhaseChanged',
  'ProjectClosed',
  'CostRecorded',
  'BenefitPlanned',
  'BaselineMeasured',
  'MeasurementRecorded',
  'BenefitRealised',
  'BenefitRealisationCorrected',
  'BenefitForecastRevised',
  'BenefitOwnerAssigned',
  'BenefitCancelled',
  'BudgetWithdrawalRecorded',
  'UnplannedBenefitRecorded',
  'SettlementRecorded',
]);

/**
 * The cross-unit benefit ledger: the domain's `LedgerFacts` folded live (in place); at query time
 * the domain's `computeLedger` answered from per-benefit/per-project aggregates (`LedgerIndex`,
 * equal to the øre). Reports are cached per span/level until the next event.
 */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  facts: LedgerFacts = initialLedgerFacts();
  readonly index = new LedgerIndex();
  private cache = new Map<string, FastLedgerReport>();
  private static readonly CACHE_MAX = 64;

  reset(): void {
    this.facts = initialLedgerFacts();
    this.index.reset();
    this.cache.clear();
  }

  apply(event: RecordedEvent): void {
    if (!LEDGER_TYPES.has(event.type)) return;
    applyLedgerEvent(this.facts, event);
    this.index.touch(event.data, event.type);
    if (this.cache.size) this.cache.clear();
  }

  /** forgets cached reports (benchmarks use it to measure a cold computation) */
  invalidate(): void {
    this.cache.clear();
  }

  report(q: LedgerQuery): FastLedgerReport {
    const key = `${q.from ?? ''}|${q.to ?? ''}|${q.level ?? ''}`;
    let report = this.cache.get(key);
    if (!report) {
      report = this.index.compute(this.facts, q);
      if (this.cache.size >= LedgerProjection.CACHE_MAX) this.cache.clear();
      this.cache.set(key, report);
    }
    return report;
  }

  /** `GET /api/ledger` */
  ledger(q: LedgerQuery) {
    const r = this.report(q);
    return { from: r.from, to: r.to, level: r.level, flows: r.flows, units: r.units };
  }

  matrix(q: LedgerQuery) {
    return this.report(q).matrix;
  }

  imbalances(q: LedgerQuery) {
    return this.report(q).imbalances;
  }

  balances(q: LedgerQuery) {
    return this.report(q).balances;
  }

  trace(q: LedgerQuery & { fromUnitId?: string; toUnitId?: string }): TraceEntry[] {
    return traceLedger(this.facts, {
      from: q.from ?? null,
      to: q.to ?? null,
      level: q.level ?? null,
      fromUnitId: q.fromUnitId ?? null,
      toUnitId: q.toUnitId ?? null,
    });
  }
}
