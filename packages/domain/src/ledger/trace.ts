import { withdrawalRowUnit, type FactSource, type LedgerFacts } from './facts';
import { baseLedger } from './flows';
import { costTerms, timesKnownAt } from './costs';
import { monthsOfPeriod } from './months';
import { periodFilter, spanBounds, type LedgerOptions } from './span-filter';
import { orgLayers } from './tree';
import type { OrgView } from './timeline';

export type { TraceEntry } from '../answers/ledger';
import type { TraceEntry } from '../answers/ledger';

export interface TraceOptions extends LedgerOptions {
  /** the investor (reporting unit at the level); absent: any */
  fromUnitId?: string | null;
  /** the recipient (reporting unit at the level); absent: any */
  toUnitId?: string | null;
  /** the organisation figures are placed by (see `LedgerQuery.org`) */
  org?: OrgView | null;
}

const entry = (source: FactSource, rest: Omit<TraceEntry, keyof FactSource | 'overrideReason'> & { overrideReason?: string | null }): TraceEntry => ({
  ...source,
  ...rest,
  overrideReason: rest.overrideReason ?? null,
});

/**
 * The events behind the flow fromUnitId → toUnitId in the span: the investor's costs on each
 * project that produced part of the flow (every cost known by the span's end, since a gain's shares
 * are taken over the costs known for its period),
 * the recipient's realisations of those projects in the span, and the settlements between the two.
 */
export function traceLedger(facts: LedgerFacts, options: TraceOptions = {}): TraceEntry[] {
  const inSpan = periodFilter(options);
  const layers = orgLayers(facts, options);
  const layerOf = (period: string) => (layers.count === 1 ? 0 : layers.layerOf(monthsOfPeriod(period).start));
  const out: TraceEntry[] = [];
  const seen = new Set<string>();
  const push = (e: TraceEntry) => {
    const key = `${e.streamName ?? ''}|${e.revision ?? ''}|${e.type}|${e.role}|${e.unitId}|${e.period}|${e.benefitId ?? ''}|${e.projectId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  // a figure is placed by the organisation of its period's layer: trace each layer on its own
  for (let layer = 0; layer < layers.count; layer++) traceLayer(facts, options, (p) => inSpan(p) && layerOf(p) === layer, layers.tree(layer).reportingUnitOf, push);
  return out;
}

function traceLayer(
  facts: LedgerFacts,
  options: TraceOptions,
  inSpan: (period: string) => boolean,
  at: (unitId: string) => string,
  push: (e: TraceEntry) => void,
): void {
  const fromOk = (u: string) => options.fromUnitId == null || at(u) === options.fromUnitId;
  const toOk = (u: string) => options.toUnitId == null || at(u) === options.toUnitId;
  const bounds = spanBounds(options);
  const base = baseLedger(facts, inSpan, bounds);
  const out = { push };
  const flowing = new Map<string | null, { investors: Set<string>; recipients: Set<string> }>();
  for (const project of base.projects) {
    for (const f of project.flows) {
      if (!fromOk(f.fromUnitId) || !toOk(f.toUnitId)) continue;
      let p = flowing.get(project.projectId);
      if (!p) flowing.set(project.projectId, (p = { investors: new Set(), recipients: new Set() }));
      p.investors.add(f.fromUnitId);
      p.recipients.add(f.toUnitId);
    }
  }
  for (const [projectId, p] of flowing) {
    const project = projectId === null ? undefined : facts.projects.get(projectId);
    for (const cost of project?.costs ?? []) {
      if (!p.investors.has(cost.payerUnitId) || timesKnownAt(costTerms(cost), bounds.end) === 0) continue;
      out.push(entry(cost.source, { period: cost.period, ore: cost.amountOre, role: 'cost', projectId, benefitId: null, unitId: cost.payerUnitId }));
    }
  }
  for (const counted of base.realisations) {
    const { benefit, realisation } = counted;
    const p = flowing.get(benefit.projectId);
    if (!counted.valued || !p?.recipients.has(benefit.recipientUnitId)) continue;
    out.push(entry(realisation.source, { period: realisation.period, ore: counted.ore, role: 'realisation', projectId: benefit.projectId, benefitId: benefit.benefitId, unitId: benefit.recipientUnitId }));
  }
  for (const s of facts.settlements.values()) {
    if (!inSpan(s.period)) continue;
    // a settlement compensates the investor: it goes from the recipient to the investor
    if (!toOk(s.fromUnitId) || !fromOk(s.toUnitId)) continue;
    out.push(entry(s.source, { period: s.period, ore: s.amountOre, role: 'settlement', projectId: s.projectId, benefitId: null, unitId: s.fromUnitId, overrideReason: s.override ? s.overrideReason : null }));
  }
  if (options.fromUnitId == null) {
    for (const benefit of facts.benefits.values()) {
      for (const w of benefit.withdrawals) {
        if (!inSpan(w.period) || !toOk(withdrawalRowUnit(benefit))) continue;
        out.push(entry(w.source, { period: w.period, ore: w.amountOre, role: 'withdrawal', projectId: benefit.projectId, benefitId: benefit.benefitId, unitId: w.unitId }));
      }
    }
  }
}
