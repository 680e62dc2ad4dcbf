import fc from 'fast-check';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { comparePeriods } from '@gevinst/domain/periods';
import { hasInvalidCharacters, isOnlyInvisible } from '@gevinst/domain/validation';
import type { BenefitView, ProjectView } from '../../src/export/shapes';
import { projectPlanXlsx, type ExportPort } from '../../src/export/exports';
import type { PlanBenefitInput, RecordBaselineInput } from '../../src/import/commands';
import { importPlan, type ImportCommand, type PlanImportPort } from '../../src/import/importPlan';
import { FIXTURE_UNITS } from '../fixtures/units';

/**
 * Export → import gives back the same plan: benefits (disbenefits among them) with every planned
 * field, the shares of a gain they declared with other projects' benefits («Delt med») too, are written by the real project-plan exporter and read by the real importer, and the
 * commands the import would send are the plan the project has, field by field.
 */

/** Cases per run; `PLAN_FIDELITY_RUNS=500` for a longer run. */
const RUNS = Number(process.env.PLAN_FIDELITY_RUNS ?? 100);

/** Month, tertial and budget-year columns side by side. */
const PERIODS = ['2026-01', '2026-02', '2026-T1', '2026-T2', '2026', '2027-T3', '2027-12', '2028'];
const activeUnits = FIXTURE_UNITS.filter((u) => u.active);

/** Text that a sheet tends to bend: formulas, numbers and dates as text, Excel's `_xHHHH_` escape, Norwegian letters, emoji, markup. */
const TRICKY = [
  '=SUM(A1:A3)', '=1+1', '+47 22 33 44 55', '-5', '- tiltak', '@brukar', '_x0041_', '_x000D_', '_x005F_x0041_', '_X0041_', '_x00e6_',
  '_x0041', 'x_x_', '00123', '1,5', '1.234', '1e5', '2026-01-01', '31.12.2026', 'TRUE', 'ja', 'nei', '#DIV/0!', '#N/A',
  'Ærlig, øvrig, å', 'ÆØÅ æøå', 'é ü ß', '😀', '👩‍👩‍👧', '<b>&amp;</b>', '"sitat"', "'apostrof", '\u00a0', '\u200b', '%', ';',
];
const BLANKS = [' ', '  ', '\u00a0'];
const BREAKS = ['\r\n', '\r', '\n', '\t'];

const pieces = (extra: string[]) =>
  fc.array(fc.oneof(fc.constantFrom(...TRICKY, ...extra), fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

/** A name as the domain keeps it (trimmed, no control characters, not only invisible ones). */
const name = pieces(BLANKS)
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= 300 && !hasInvalidCharacters(s) && !isOnlyInvisible(s));

/** Free text as the domain keeps it: blanks at either end and line breaks (CR, LF, CRLF) included. */
const freeText = pieces([...BLANKS, ...BREAKS]).filter((s) => s.length > 0 && !hasInvalidCharacters(s, { freeText: true }));

const email = fc
  .tuple(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.]{0,10}[a-zA-Z0-9]$/), fc.stringMatching(/^[a-z]{2,12}$/))
  .map(([a, b]) => `${a.replace(/\.\.+/g, '.')}@${b}.no`);
const quantity = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.constantFrom(0.1, 1 / 3, 1e-7, 123456.789),
).map((n) => n + 0);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A share of a common gain in per cent: whole, decimal, tiny. */
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(12.5, 1 / 3, 1e-7, 0.1)).map((n) => n + 0);
/**
 * The benefit's declared shares with benefits of other projects: those declared when it was planned
 * (`declaredHere`, exported in «Delt med») and those the other benefit declared (not the plan's).
 */
const shares = fc.uniqueArray(
  fc.record({
    benefitId: fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/)),
    title: name,
    projectId: fc.constantFrom('p-other', 'p-third'),
    projectName: fc.option(name, { nil: null }),
    sharePercent: percent,
    otherSharePercent: percent,
    declaredHere: fc.boolean(),
    otherCancelled: fc.boolean(),
  }),
  { maxLength: 3, selector: (s) => s.benefitId },
);

let nextId = 0;
const benefit = (cancelled: boolean): fc.Arbitrary<BenefitView> =>
  fc
    .record({
      title: name,
      recipientUnitId: fc.constantFrom(...activeUnits.map((u) => u.id)),
      owner: email,
      indicator: name,
      unitOfMeasure: name,
      direction: fc.constantFrom('increase' as const, 'decrease' as const),
      category: fc.constantFrom('budget' as const, 'capacity' as const, 'otherPublic' as const, 'unpriced' as const),
      cashReleasing: fc.boolean(),
      valuationOrePerUnit: fc.option(fc.integer({ min: 0, max: 10_000_000_00 }), { nil: null }),
      baseline: fc.option(fc.tuple(quantity, fc.option(isoDate, { nil: null })), { nil: null }),
      target: fc.option(quantity, { nil: null }),
      targetDate: fc.option(isoDate, { nil: null }),
      measurementSchedule: fc.constantFrom('tertial' as const, 'year' as const, 'month' as const),
      disbenefit: fc.boolean(),
      change: fc.option(freeText, { nil: null }),
      comment: fc.option(freeText, { nil: null }),
      sharedWith: shares,
      plan: fc.shuffledSubarray(PERIODS).chain((periods) => fc.tuple(...periods.map((period) => quantity.map((q) => ({ period, quantity: q }))))),
    })
    .map(({ baseline, plan, ...b }): BenefitView => ({
      ...b,
      id: `b${nextId++}`,
      projectId: 'p-source',
      baseline: baseline === null ? null : baseline[0],
      baselineMeasuredOn: baseline === null ? null : baseline[1],
      plan: plan.map((p) => ({ ...p, plannedOre: b.valuationOrePerUnit === null ? 0 : Math.round(p.quantity * b.valuationOrePerUnit) * (b.disbenefit ? -1 : 1) })),
      unplanned: false,
      cancelled,
      realisations: [],
      measurements: [],
      attachments: [],
      withdrawals: [],
      achievementPct: null,
      trend: null,
      statusByPeriod: [],
    }));

const project = (benefits: BenefitView[]): ProjectView => ({
  id: 'p-source',
  name: 'Digitalisering',
  ownerUnitId: 'unit-sandnes',
  projectLeader: 'leder@sandnes.kommune.no',
  phase: 'execution',
  closed: false,
  totalCostOre: 0,
  status: null,
  thresholds: { greenPct: 90, yellowPct: 70 },
  costs: [],
  benefits,
});

const exportPort = (p: ProjectView): ExportPort => {
  const none = () => {
    throw new Error('the plan export reads only the project and the units');
  };
  return { units: () => FIXTURE_UNITS, project: (id) => (id === p.id ? p : null), ledger: none, matrix: none, balances: none, portfolio: none };
};

/** An API that accepts everything and remembers what it was asked to run. */
const recordingPort = () => {
  const ran: ImportCommand[] = [];
  const port: PlanImportPort = {
    units: () => FIXTURE_UNITS,
    checkProject: () => null,
    check: () => null,
    existing: () => [],
    run: async (command) => {
      ran.push(command);
      return { id: command.command === 'planBenefit' ? `new-${ran.length}` : command.targetId };
    },
  };
  return { port, ran };
};

const byPeriod = (plan: { period: string; quantity: number }[]) => [...plan].sort((a, b) => comparePeriods(a.period, b.period));

/** What planning `b` again takes: the planBenefit input, and the baseline measurement when it has a date. */
const expected = (b: BenefitView): { plan: PlanBenefitInput; baseline: RecordBaselineInput | null } => ({
  plan: {
    title: b.title,
    recipientUnitId: b.recipientUnitId,
    owner: b.owner ?? '',
    indicator: b.indicator ?? '',
    unitOfMeasure: b.unitOfMeasure,
    direction: b.direction,
    category: b.category,
    cashReleasing: b.cashReleasing,
    valuationOrePerUnit: b.valuationOrePerUnit,
    baseline: b.baseline,
    target: b.target,
    targetDate: b.targetDate,
    plan: byPeriod(b.plan.map((p) => ({ period: p.period, quantity: p.quantity }))),
    measurementSchedule: b.measurementSchedule,
    disbenefit: b.disbenefit,
    change: b.change,
    comment: b.comment,
    ...(b.sharedWith.some((s) => s.declaredHere)
      ? {
          sharedWith: b.sharedWith
            .filter((s) => s.declaredHere)
            .map((s) => ({ benefitId: s.benefitId, sharePercent: s.sharePercent, otherSharePercent: s.otherSharePercent })),
        }
      : {}),
  },
  baseline: b.baseline !== null && b.baselineMeasuredOn !== null ? { value: b.baseline, measuredOn: b.baselineMeasuredOn } : null,
});

/** The exported plan of project `p-source`, as the download's bytes. */
async function planBytes(port: ExportPort): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const found = await projectPlanXlsx(port, 'p-source', () => new Writable({ write: (chunk: Buffer, _enc, done) => done(void chunks.push(chunk)) }));
  expect(found).toBe(true);
  return Buffer.concat(chunks);
}

describe('project plan export → import (property)', () => {
  it(`gives back every planned field of every live benefit, disbenefits and declared shares included (${RUNS} plans)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(benefit(false), { minLength: 1, maxLength: 6 }),
        fc.array(benefit(true), { maxLength: 2 }),
        fc.infiniteStream(fc.boolean()),
        async (live, cancelled, mix) => {
          const benefits = [...live];
          for (const c of cancelled) benefits.splice(mix.next().value ? 0 : benefits.length, 0, c);
          const bytes = await planBytes(exportPort(project(benefits)));

          const { port, ran } = recordingPort();
          const report = await importPlan(new Uint8Array(bytes), { projectId: 'p-target', userId: 'leder@sandnes.kommune.no', dryRun: false }, port);
          expect(report.problems).toEqual([]);
          expect(report.questions).toEqual([]);
          expect(report.ignoredColumns).toEqual([]);
          expect(report.benefitIds).toHaveLength(live.length);

          const planned = new Map(ran.flatMap((c, i) => (c.command === 'planBenefit' ? [[`new-${i + 1}`, c]] : [])));
          const baselines = new Map(ran.flatMap((c) => (c.command === 'recordBaseline' ? [[c.targetId, c.input as RecordBaselineInput]] : [])));
          report.benefitIds.forEach((id, i) => {
            const want = expected(live[i]!);
            const command = planned.get(id)!;
            expect(command.targetId).toBe('p-target');
            const got = command.input as PlanBenefitInput;
            // field by field, so a failure names the field
            for (const key of Object.keys(want.plan) as (keyof PlanBenefitInput)[]) {
              const value = key === 'plan' ? byPeriod(got.plan) : got[key];
              expect({ [key]: value }).toEqual({ [key]: want.plan[key] });
            }
            expect({ ...got, plan: byPeriod(got.plan) }).toEqual(want.plan);
            expect(baselines.get(id) ?? null).toEqual(want.baseline);
          });
          expect(baselines.size).toBe(live.filter((b) => expected(b).baseline !== null).length);
        },
      ),
      { numRuns: RUNS },
    );
  }, Math.max(60_000, RUNS * 600));
});

describe('a disbenefit is not the benefit it mirrors', () => {
  it('a row equal to a benefit of the project but flagged Ulempe is planned, not left as unchanged', async () => {
    const [b] = fc.sample(benefit(false), { numRuns: 1, seed: 7 });
    const live = { ...b!, disbenefit: false };
    const bytes = await planBytes(exportPort(project([{ ...live, disbenefit: true }])));
    const { port, ran } = recordingPort();
    const existing = expected(live).plan;
    const report = await importPlan(new Uint8Array(bytes), { projectId: 'p-target', userId: 'leder@sandnes.kommune.no', dryRun: false }, { ...port, existing: () => [existing] });
    expect(report).toMatchObject({ ok: true, unchanged: 0 });
    expect(ran.filter((c) => c.command === 'planBenefit').map((c) => (c.input as PlanBenefitInput).disbenefit)).toEqual([true]);

    // the same row without the flag is the benefit the project has
    const same = await planBytes(exportPort(project([live])));
    const again = recordingPort();
    const second = await importPlan(new Uint8Array(same), { projectId: 'p-target', userId: 'leder@sandnes.kommune.no', dryRun: false }, { ...again.port, existing: () => [existing] });
    expect(second).toMatchObject({ ok: true, unchanged: 1, benefitIds: [] });
  });
});
