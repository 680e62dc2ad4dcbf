import fc from 'fast-check';
import { validateEvent } from '@gevinst/domain/events';
import type { EventStore, RecordedEvent } from '@gevinst/eventstore';

/**
 * Generated histories of benefits, units and reminder claims (test/restart.test.ts, test/claimed-restart.test.ts)
 * and a store that counts what each subscription is fed.
 */

/** One fact of a generated history: the stream it goes to, its type, data and recorded time. */
export interface Fact {
  stream: string;
  type: string;
  data: Record<string, unknown>;
  at: string;
}

export const BENEFITS = ['b1', 'b2', 'b3'];
const UNITS = ['u1', 'u2'];
export const PERIODS = ['2025-T3', '2026-T1', '2026-T2', '2026-T3', '2026'];
const KINDS = ['before-due', 'due', 'escalation'] as const;
export const AT = ['2025-12-01T09:00:00.000Z', '2026-01-10T00:00:00.000Z', '2026-05-20T10:00:00.000Z', '2026-06-10T10:00:00+02:00'];

// the clock stands before every send time of the history, so the queues hold every job as planned
// (a job already released to the workers is not moved by a later plan: its worker asks what is due)
export const BEFORE_ANY_REMINDER = '2025-11-01T00:00:00.000Z';

export const benefitId = fc.constantFrom(...BENEFITS);
export const period = fc.constantFrom(...PERIODS);
export const at = fc.constantFrom(...AT);
const plan = fc.uniqueArray(period, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p) => ({ period: p, quantity: 10 })));

export const fact: fc.Arbitrary<Fact> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ b: benefitId, plan, schedule: fc.constantFrom('tertial', 'year', 'month'), unit: fc.constantFrom(...UNITS), at }).map(({ b, plan, schedule, unit, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitPlanned', at,
    data: {
      benefitId: b, projectId: 'p1', title: `Gevinst ${b}`, recipientUnitId: unit, owner: `eier-${b}@kommune.no`, indicator: 'timer', unitOfMeasure: 'timer',
      direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: null, baseline: null, target: null, targetDate: null,
      plan, measurementSchedule: schedule, disbenefit: false,
    },
  })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, plan, at }).map(({ b, plan, at }) => ({ stream: `benefit-${b}`, type: 'BenefitForecastRevised', at, data: { benefitId: b, plan, reason: 'Ny plan' } })) },
  { weight: 2, arbitrary: fc.record({ b: benefitId, p: period, at }).map(({ b, p, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitRealised', at, data: { benefitId: b, period: p, quantity: 9, valuationOrePerUnit: null, valueOre: 0, comment: null, evidenceUrl: null },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, p: period, at }).map(({ b, p, at }) => ({
    stream: `benefit-${b}`, type: 'MeasurementRecorded', at, data: { benefitId: b, value: 3, measuredOn: '2026-05-01', period: p, comment: null, evidenceUrl: null },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, n: fc.integer({ min: 1, max: 3 }), at }).map(({ b, n, at }) => ({
    stream: `benefit-${b}`, type: 'BenefitOwnerAssigned', at, data: { benefitId: b, owner: `eier${n}@kommune.no`, previousOwner: `eier-${b}@kommune.no` },
  })) },
  { weight: 1, arbitrary: fc.record({ b: benefitId, at }).map(({ b, at }) => ({ stream: `benefit-${b}`, type: 'BenefitCancelled', at, data: { benefitId: b, reason: 'Stanset' } })) },
  { weight: 1, arbitrary: fc.record({ u: fc.constantFrom(...UNITS), n: fc.integer({ min: 1, max: 3 }), at }).map(({ u, n, at }) => ({
    stream: `unit-${u}`, type: 'UnitLeaderAssigned', at, data: { unitId: u, leader: `leder${n}@kommune.no` },
  })) },
  // what workers record: claims (some never confirmed), deliveries, failures
  { weight: 3, arbitrary: fc.record({ b: benefitId, p: period, kind: fc.constantFrom(...KINDS), outcome: fc.constantFrom('claimed', 'delivered', 'failed'), at }).map(({ b, p, kind, outcome, at }) => {
    const stream = `reminder-${b}-${p}-${kind}`;
    const recipients = [`eier-${b}@kommune.no`];
    if (outcome === 'claimed')
      return kind === 'escalation'
        ? { stream, type: 'ReminderEscalated', at, data: { benefitId: b, period: p, recipients, dueDate: '2026-05-14', daysOverdue: 14, messageId: `<${b}.${p}.${kind}@gevinst>` } }
        : { stream, type: 'ReminderSent', at, data: { benefitId: b, period: p, kind, recipients, dueDate: '2026-05-14', messageId: `<${b}.${p}.${kind}@gevinst>` } };
    if (outcome === 'delivered') return { stream, type: 'ReminderDelivered', at, data: { benefitId: b, period: p, kind, recipients, messageId: `<${b}.${p}.${kind}@gevinst>` } };
    return { stream, type: 'ReminderDeliveryFailed', at, data: { benefitId: b, period: p, kind, recipients, error: 'SMTP nede', attempts: 8 } };
  }) },
);

export const org: Fact[] = [
  ...UNITS.map((u) => ({ stream: `unit-${u}`, type: 'UnitRegistered', at: AT[0]!, data: { unitId: u, name: `Enhet ${u}`, parentId: null, orgNumber: null, leader: `leder-${u}@kommune.no` } })),
  { stream: 'project-p1', type: 'ProjectRegistered', at: AT[0]!, data: { projectId: 'p1', name: 'Prosjekt', ownerUnitId: 'u1', projectLeader: 'pl@kommune.no', thresholds: { greenPct: 100, yellowPct: 80 } } },
];

/** As the deciders keep it: a benefit is planned once (its stream starts with it). */
export const plannedOnce = (facts: Fact[], planned = new Set<string>()): Fact[] =>
  facts.filter((f) => f.type !== 'BenefitPlanned' || (!planned.has(f.stream) && !!planned.add(f.stream)));

export const write = async (store: EventStore, facts: Fact[]) => {
  for (const f of facts)
    await store.appendToStream(f.stream, [{ type: f.type, data: validateEvent(f.type as never, f.data) as Record<string, unknown>, metadata: { userId: 'test', recordedAt: f.at } }]);
};

/**
 * The store, counting per subscription (in the order they subscribe) the positions of the events it
 * hands over: the scheduler's and each claimed reminders' fold.
 */
export const counting = <S extends EventStore>(store: S, seen: bigint[][]): S => ({
  ...store,
  subscribe: (options) => {
    const mine: bigint[] = [];
    seen.push(mine);
    return store.subscribe({ ...options, handle: (events: RecordedEvent[], context) => {
      mine.push(...events.map((e) => e.globalPosition));
      return options.handle(events, context);
    } });
  },
});
