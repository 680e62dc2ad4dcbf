import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '@gevinst/eventstore';

/**
 * A large municipality for benchmarks: `units` units in a tree (kommune → sectors → units →
 * teams), `projects` projects each paid by two units, three benefits per project received in other
 * units, realisations (and some corrections) per tertial over 2024–2026, and monthly measurements
 * until `totalEvents` is reached. Deterministic (a seeded LCG), valid against the event schemas.
 */
export interface GeneratedStream {
  streamName: string;
  events: EventToAppend[];
}

const TERTIALS = ['2024-T1', '2024-T2', '2024-T3', '2025-T1', '2025-T2', '2025-T3', '2026-T1', '2026-T2', '2026-T3'];

export function generateMunicipality(options: { units: number; projects: number; totalEvents: number; seed?: number }): GeneratedStream[] {
  let state = options.seed ?? 42;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const int = (max: number) => Math.floor(rand() * max);
  const meta = { userId: 'bench@gevinst.no', recordedAt: '2026-11-01T12:00:00.000Z', schemaVersion: 1 };
  // as real commands write them: every event its own instant and correlation and causation ids, by one
  // of a few dozen people in their role (BENCH_DISTINCT_METADATA=0: one shared metadata, which flatters reads)
  const distinct = process.env.BENCH_DISTINCT_METADATA !== '0';
  const people = Array.from({ length: 40 }, (_, i) => ({
    userId: `person${i}@kommune.no`,
    userName: `Person ${i} Nordmann`,
    actingRole: ['benefit-owner', 'project-leader', 'finance', 'administrator'][i % 4],
  }));
  let n = 0;
  const metadataOf = (schemaVersion: number) => {
    if (!distinct) return { ...meta, schemaVersion };
    const correlationId = uuidv7();
    return {
      ...people[int(people.length)],
      recordedAt: new Date(Date.UTC(2024, 0, 1) + 60_000 * n++ + int(60_000)).toISOString(),
      correlationId,
      causationId: correlationId,
      schemaVersion,
    };
  };
  const ev = (type: string, data: Record<string, unknown>, schemaVersion = 1): EventToAppend => ({
    id: uuidv7(),
    type,
    data,
    metadata: metadataOf(schemaVersion),
  });

  const streams: GeneratedStream[] = [];
  let count = 0;
  const push = (streamName: string, events: EventToAppend[]) => {
    streams.push({ streamName, events });
    count += events.length;
  };

  const unitIds: string[] = [];
  for (let i = 0; i < options.units; i++) {
    const unitId = uuidv7();
    // 0 = kommune; 1–6 sectors; then units under sectors; then teams under units
    const parentId = i === 0 ? null : i <= 6 ? unitIds[0] : i <= 60 ? unitIds[1 + (i % 6)] : unitIds[7 + int(Math.min(i - 7, 54))];
    unitIds.push(unitId);
    push(`unit-${unitId}`, [ev('UnitRegistered', { unitId, name: `Enhet ${i}`, parentId, orgNumber: null, leader: null })]);
  }
  const leaf = () => unitIds[1 + int(unitIds.length - 1)];

  const benefitStreams: GeneratedStream[] = [];
  for (let p = 0; p < options.projects; p++) {
    const projectId = uuidv7();
    const payers = [leaf(), leaf()];
    const events = [
      ev('ProjectRegistered', { projectId, name: `Prosjekt ${p}`, ownerUnitId: payers[0], projectLeader: 'pl@gevinst.no', thresholds: { greenPct: 100, yellowPct: 80 } }),
      ...payers.map((payerUnitId, i) =>
        ev('CostRecorded', {
          projectId,
          costId: uuidv7(),
          payerUnitId,
          amountOre: (1 + int(500)) * 1_000_00,
          period: i === 0 ? '2024' : '2025-T1',
          kind: 'one-off',
          description: null,
        }),
      ),
    ];
    push(`project-${projectId}`, events);
    for (let b = 0; b < 3; b++) {
      const benefitId = uuidv7();
      const valuation = b === 2 ? null : (300 + int(700)) * 100;
      const plan = TERTIALS.map((period) => ({ period, quantity: 50 + int(200) }));
      const bevents = [
        ev(
          'BenefitPlanned',
          {
            benefitId,
            projectId,
            title: `Gevinst ${p}.${b}`,
            recipientUnitId: leaf(),
            owner: 'eier@gevinst.no',
            indicator: 'Timer',
            unitOfMeasure: 'timer',
            direction: 'increase',
            category: valuation === null ? 'unpriced' : b === 0 ? 'budget' : 'capacity',
            cashReleasing: b === 0,
            valuationOrePerUnit: valuation,
            baseline: 100,
            target: 60,
            targetDate: '2026-12-31',
            plan,
            measurementSchedule: 'tertial',
            disbenefit: false,
          },
          2,
        ),
        ev('BaselineMeasured', { benefitId, value: 100, measuredOn: '2023-12-31' }),
      ];
      for (const { period, quantity } of plan) {
        const q = Math.round(quantity * (0.6 + rand() * 0.6));
        const valueOre = valuation === null ? 0 : q * valuation;
        bevents.push(ev('BenefitRealised', { benefitId, period, quantity: q, valuationOrePerUnit: valuation, valueOre, comment: null, evidenceUrl: null }));
      }
      const s = { streamName: `benefit-${benefitId}`, events: bevents };
      benefitStreams.push(s);
      streams.push(s);
      count += bevents.length;
    }
  }
  // fill up to the total with corrections and measurements on the benefits, round robin
  let k = 0;
  while (count < options.totalEvents) {
    const s = benefitStreams[k % benefitStreams.length];
    const first = s?.events[0];
    if (!s || !first) throw new Error('generateMunicipality: no benefit to fill up with');
    const planned = first.data as { benefitId: string; valuationOrePerUnit: number | null };
    const round = Math.floor(k / benefitStreams.length);
    if (round % 4 === 0) {
      const period = TERTIALS[int(TERTIALS.length)];
      const q = 40 + int(200);
      s.events.push(
        ev('BenefitRealisationCorrected', {
          benefitId: planned.benefitId,
          period,
          quantity: q,
          valuationOrePerUnit: planned.valuationOrePerUnit,
          valueOre: planned.valuationOrePerUnit === null ? 0 : q * planned.valuationOrePerUnit,
          comment: null,
          evidenceUrl: null,
          reason: 'Korrigert',
        }),
      );
    } else {
      const month = 1 + (round % 12);
      s.events.push(
        ev('MeasurementRecorded', {
          benefitId: planned.benefitId,
          value: 100 - round,
          measuredOn: `2025-${String(month).padStart(2, '0')}-15`,
          period: `2025-${String(month).padStart(2, '0')}`,
          comment: null,
          evidenceUrl: null,
        }),
      );
    }
    count++;
    k++;
  }
  return streams;
}
