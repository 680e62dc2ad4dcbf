/**
 * Folds 1,000,000 ledger events and computes the ledger over them.
 * Run: cd /work/main && npx tsx packages/domain/bench/ledger-fold.bench.ts [eventCount]
 */
import { applyLedgerEvent, foldLedgerFacts, initialLedgerFacts, LedgerIndex, type LedgerEventInput } from '../src/ledger';
import { computeLedger } from '../test/ledger/oracle';

interface RawEvent {
  type: string;
  streamName: string;
  revision: bigint;
  metadata: { userId: string; recordedAt: string; schemaVersion: number };
  data: Record<string, unknown>;
}
/** the generated data is shaped like the catalogue's (the bench does not pay for parsing it) */
const asEvent = (raw: RawEvent): LedgerEventInput => raw as unknown as LedgerEventInput;

const N = Number(process.argv[2] ?? 1_000_000);
const PERIODS = ['2025-T1', '2025-T2', '2025-T3', '2026-T1', '2026-T2', '2026-T3', '2026', '2026-03'];

let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

function makeEvents(n: number): LedgerEventInput[] {
  const raw: RawEvent[] = [];
  const events = { push: (e: RawEvent) => raw.push(e), get length() { return raw.length; } };
  const meta = (i: number) => ({ userId: 'bench@kommune.no', recordedAt: new Date(1_760_000_000_000 + i * 1000).toISOString(), schemaVersion: 1 });
  const units = 200;
  for (let u = 0; u < units; u++) {
    events.push({ type: 'UnitRegistered', streamName: `unit-u${u}`, revision: 0n, metadata: meta(events.length), data: { unitId: `u${u}`, name: `Enhet ${u}`, parentId: u < 10 ? null : `u${rnd(Math.min(u, 50))}`, orgNumber: null, leader: null } });
  }
  const projects = Math.max(10, Math.floor(n / 500));
  for (let p = 0; p < projects; p++) {
    events.push({ type: 'ProjectRegistered', streamName: `project-p${p}`, revision: 0n, metadata: meta(events.length), data: { projectId: `p${p}`, name: `P${p}`, ownerUnitId: `u${rnd(units)}`, projectLeader: 'l@k.no', thresholds: { greenPct: 100, yellowPct: 80 } } });
  }
  const benefits: string[] = [];
  let k = 0;
  while (events.length < n) {
    const r = rnd(100);
    const i = events.length;
    if (r < 15) {
      const p = rnd(projects);
      events.push({ type: 'CostRecorded', streamName: `project-p${p}`, revision: BigInt(i), metadata: meta(i), data: { projectId: `p${p}`, costId: `c${k++}`, payerUnitId: `u${rnd(units)}`, amountOre: 100_000 + rnd(10_000_000), period: PERIODS[rnd(PERIODS.length)], kind: 'one-off', description: null } });
    } else if (r < 25 || benefits.length === 0) {
      const id = `b${benefits.length}`;
      benefits.push(id);
      const valued = rnd(5) > 0;
      events.push({ type: 'BenefitPlanned', streamName: `benefit-${id}`, revision: 0n, metadata: meta(i), data: { benefitId: id, projectId: `p${rnd(projects)}`, title: 'G', recipientUnitId: `u${rnd(units)}`, owner: 'e@k.no', indicator: 'timer', unitOfMeasure: 'timer', direction: 'increase', category: valued ? 'budget' : 'unpriced', cashReleasing: valued, valuationOrePerUnit: valued ? 55_000 : null, baseline: null, target: null, targetDate: null, plan: [{ period: '2026-T1', quantity: 100 }, { period: '2026-T2', quantity: 100 }], measurementSchedule: 'tertial', disbenefit: false } });
    } else if (r < 80) {
      const id = benefits[rnd(benefits.length)];
      const q = rnd(200);
      events.push({ type: r < 70 ? 'BenefitRealised' : 'BenefitRealisationCorrected', streamName: `benefit-${id}`, revision: BigInt(i), metadata: meta(i), data: { benefitId: id, period: PERIODS[rnd(6)], quantity: q, valuationOrePerUnit: 55_000, valueOre: q * 55_000, comment: null, evidenceUrl: null, reason: 'x' } });
    } else if (r < 90) {
      const id = benefits[rnd(benefits.length)];
      events.push({ type: 'MeasurementRecorded', streamName: `benefit-${id}`, revision: BigInt(i), metadata: meta(i), data: { benefitId: id, value: rnd(100), measuredOn: '2026-03-01', period: '2026-T1', comment: null, evidenceUrl: null } });
    } else if (r < 95) {
      const id = benefits[rnd(benefits.length)];
      events.push({ type: 'BudgetWithdrawalRecorded', streamName: `benefit-${id}`, revision: BigInt(i), metadata: meta(i), data: { benefitId: id, withdrawalId: `w${k++}`, unitId: `u${rnd(units)}`, period: PERIODS[rnd(6)], amountOre: 1000, saksnummer: '2026/1', comment: null } });
    } else if (r < 97) {
      events.push({ type: 'SettlementRecorded', streamName: `settlement-s${k}`, revision: 0n, metadata: meta(i), data: { settlementId: `s${k++}`, fromUnitId: `u${rnd(units)}`, toUnitId: `u${rnd(units)}`, amountOre: 5000, period: PERIODS[rnd(6)], saksnummer: '2026/2', projectId: null, comment: null } });
    } else {
      events.push({ type: 'ReminderSent', streamName: `reminder-x${k++}`, revision: 0n, metadata: meta(i), data: {} });
    }
  }
  return raw.map(asEvent);
}

const t0 = performance.now();
const events = makeEvents(N);
const t1 = performance.now();
console.log(`generated ${events.length.toLocaleString('en')} events in ${(t1 - t0).toFixed(0)} ms`);

for (let run = 1; run <= 3; run++) {
  const start = performance.now();
  const facts = foldLedgerFacts(events);
  const ms = performance.now() - start;
  console.log(`foldLedgerFacts run ${run}: ${ms.toFixed(0)} ms = ${Math.round(events.length / (ms / 1000)).toLocaleString('en')} events/s (${facts.benefits.size} benefits, ${facts.projects.size} projects)`);
}

{
  const facts = initialLedgerFacts();
  const start = performance.now();
  for (const e of events) applyLedgerEvent(facts, e);
  const ms = performance.now() - start;
  console.log(`applyLedgerEvent one by one: ${Math.round(events.length / (ms / 1000)).toLocaleString('en')} events/s`);
}

const facts = foldLedgerFacts(events);
for (const options of [{}, { from: '2026-T1', to: '2026-T3' }, { from: '2026-T2', to: '2026-T2', level: 1 }, { level: 0 }]) {
  const start = performance.now();
  const ledger = computeLedger(facts, options);
  const ms = performance.now() - start;
  console.log(`computeLedger (oracle) ${JSON.stringify(options)}: ${ms.toFixed(0)} ms (${ledger.flows.length} flows, ${ledger.units.length} units)`);
  const index = new LedgerIndex();
  const t = performance.now();
  const answer = index.compute(facts, options);
  console.log(`LedgerIndex.compute (cold) ${JSON.stringify(options)}: ${(performance.now() - t).toFixed(0)} ms (${answer.flows.length} flows)`);
}
