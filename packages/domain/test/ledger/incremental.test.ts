import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ledger, type LedgerEventInput, type LedgerQuery } from '../../src/ledger';
import { historyArb, ORG_DATES, spanArb } from './generated';
import { History } from './history';

/** Queries as the API asks them: a span, a level (or the units as registered) and an organisation view. */
const queryArb: fc.Arbitrary<LedgerQuery> = fc.record({
  span: spanArb,
  level: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
  org: fc.oneof(fc.constant(null), fc.constant({ mode: 'period' as const }), fc.constantFrom(...ORG_DATES).map((date) => ({ mode: 'date' as const, date }))),
}).map(({ span, level, org }) => ({ ...span, ...(level === undefined ? {} : { level }), org }));

type NoiseKind = 'measurement' | 'baseline' | 'owner' | 'rename' | 'phase' | 'close';
/** Events the ledger folds but shows in no figure, placed anywhere in a history. */
const noiseArb = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<NoiseKind>('measurement', 'baseline', 'owner', 'rename', 'phase', 'close'),
    pick: fc.nat(),
    value: fc.integer({ min: 0, max: 10_000 }),
  }),
  { maxLength: 30 },
);

type Noise = typeof noiseArb extends fc.Arbitrary<infer T> ? T : never;

function withNoise(history: LedgerEventInput[], noise: Noise): LedgerEventInput[] {
  const extra = new History();
  const byPosition = new Map<number, typeof noise>();
  for (const n of noise) {
    const at = n.at % (history.length + 1);
    byPosition.set(at, [...(byPosition.get(at) ?? []), n]);
  }
  const benefits: string[] = [];
  const projects: string[] = [];
  const units: string[] = [];
  const out: LedgerEventInput[] = [];
  const pick = (ids: string[], i: number) => ids[i % ids.length];
  for (let i = 0; i <= history.length; i++) {
    for (const n of byPosition.get(i) ?? []) {
      const benefitId = pick(benefits, n.pick);
      const projectId = pick(projects, n.pick);
      const unitId = pick(units, n.pick);
      if (n.kind === 'measurement' && benefitId) extra.add('MeasurementRecorded', { benefitId, value: n.value, measuredOn: '2026-05-02', period: '2026-T1', comment: null, evidenceUrl: null });
      else if (n.kind === 'baseline' && benefitId) extra.add('BaselineMeasured', { benefitId, value: n.value, measuredOn: '2026-01-02', reason: 'Nytt nullpunkt' });
      else if (n.kind === 'owner' && benefitId) extra.add('BenefitOwnerAssigned', { benefitId, owner: `eier${n.value}@kommune.no`, previousOwner: 'eier@kommune.no' });
      else if (n.kind === 'rename' && unitId) extra.add('UnitRenamed', { unitId, name: `Enhet ${n.value}`, previousName: unitId });
      else if (n.kind === 'phase' && projectId) extra.add('ProjectPhaseChanged', { projectId, phase: 'realisation', previousPhase: 'execution' });
      else if (n.kind === 'close' && projectId) extra.add('ProjectClosed', { projectId, reason: 'Ferdig' });
      else continue;
      const added = extra.events.at(-1);
      if (added) out.push(added);
    }
    const e = history[i];
    if (!e) continue;
    out.push(e);
    if (e.type === 'BenefitPlanned' || e.type === 'UnplannedBenefitRecorded') benefits.push(e.data.benefitId);
    if (e.type === 'ProjectRegistered') projects.push(e.data.projectId);
    if (e.type === 'UnitRegistered') units.push(e.data.unitId);
  }
  return out;
}

const fresh = (events: LedgerEventInput[]): Ledger => {
  const ledger = new Ledger();
  events.forEach((e) => ledger.apply(e));
  return ledger;
};

describe('the ledger kept up to date event by event', () => {
  it('queried between events, it answers every query as a fresh rebuild from the same events does (levels, spans, organisation views)', () => {
    fc.assert(
      fc.property(historyArb, noiseArb, fc.array(queryArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 3, max: 12 }), (history, noise, queries, every) => {
        const events = withNoise(history, noise);
        const live = new Ledger();
        events.forEach((event, i) => {
          live.apply(event);
          // every query is asked after every event, so each is brought up to date by what the event touched
          const answers = queries.map((q) => live.report(q));
          if (i % every !== 0 && i !== events.length - 1) return;
          const rebuilt = fresh(events.slice(0, i + 1));
          queries.forEach((q, k) => expect(answers[k]).toEqual(rebuilt.report(q)));
        });
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('a measurement, a baseline, a new owner, a renamed unit or a project phase leaves every report as it was, not computed again', () => {
    fc.assert(
      fc.property(historyArb, noiseArb, queryArb, (history, noise, q) => {
        const live = fresh(history);
        const before = live.report(q);
        const added = withNoise(history, noise).filter((e) => !history.includes(e));
        fc.pre(added.length > 0);
        added.forEach((e) => live.apply(e));
        expect(live.report(q)).toBe(before);
      }),
      { numRuns: 50 },
    );
  }, 60_000);
});
