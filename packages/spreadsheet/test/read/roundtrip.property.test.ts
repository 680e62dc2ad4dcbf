import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlanTemplate } from '../../src/template/buildPlanTemplate';
import { parsePlanWorkbook } from '../../src/read/parsePlanWorkbook';
import { readPlan } from '../../src/import/readPlan';
import { UnitDirectory } from '../../src/units/unitDirectory';
import type { PlanRow } from '../../src/plan/planRow';
import { FIXTURE_UNITS } from '../fixtures/units';

const PERIODS = ['2026-01', '2026-02', '2026-T1', '2026-T2', '2026-T3', '2026', '2027-T1', '2027-T2', '2027-T3', '2027-12'];
const directory = new UnitDirectory(FIXTURE_UNITS);
const activeUnits = FIXTURE_UNITS.filter((u) => u.active);

const word = fc.stringMatching(/^[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9 ,.;:()'"%&/=+-]{0,40}$/).map((s) => s.trim()).filter((s) => s.length > 0);
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,12}$/)).map(([a, b]) => `${a.replace(/\.\.+/g, '.')}@${b}.no`);
const quantity = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0);
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** «Delt med»: shares of a gain with benefits of other projects (whole, decimal and tiny per cents) */
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(12.5, 1 / 3, 1e-7)).map((n) => n + 0);
const shares = fc.uniqueArray(
  fc.record({ benefitId: fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,30}$/)), sharePercent: percent, otherSharePercent: percent }),
  { maxLength: 3, selector: (s) => s.benefitId },
);

const planRow: fc.Arbitrary<PlanRow> = fc.record({
  change: fc.option(word, { nil: null }),
  title: word,
  category: fc.constantFrom('budget', 'capacity', 'otherPublic', 'unpriced'),
  recipient: fc.constantFrom(...activeUnits).map((u) => directory.label(u.id)),
  owner: email,
  indicator: word,
  unitOfMeasure: word,
  direction: fc.constantFrom('increase', 'decrease'),
  disbenefit: fc.boolean(),
  baseline: fc.option(quantity, { nil: null }),
  baselineDate: fc.option(isoDate, { nil: null }),
  target: fc.option(quantity, { nil: null }),
  targetDate: fc.option(isoDate, { nil: null }),
  valuationOrePerUnit: fc.option(fc.integer({ min: 0, max: 10_000_000_00 }), { nil: null }),
  cashReleasing: fc.boolean(),
  measurementSchedule: fc.constantFrom('tertial', 'year', 'month', null),
  sharedWith: shares,
  goals: fc.uniqueArray(word.filter((w) => !w.includes(';')), { maxLength: 2 }),
  plan: fc.subarray(PERIODS).chain((periods) =>
    fc.tuple(...periods.map((period) => quantity.map((q) => ({ period, quantity: q })))),
  ),
  comment: fc.option(word, { nil: null }),
}) as fc.Arbitrary<PlanRow>;

describe('plan sheet round trip (property)', () => {
  it('writing generated plans to a sheet and reading it back gives the same plans', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planRow, { minLength: 1, maxLength: 8 }), async (rows) => {
        const bytes = await buildPlanTemplate({ periods: PERIODS, rows, units: FIXTURE_UNITS });
        const parsed = await parsePlanWorkbook(bytes);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map((r) => r.value)).toEqual(rows);
        expect(parsed.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
        // and each recipient label finds its unit again
        const read = await readPlan(bytes, FIXTURE_UNITS);
        expect(read.questions).toEqual([]);
        expect(read.resolved.map((r) => directory.label(r.recipientUnitId))).toEqual(rows.map((r) => r.recipient));
      }),
      { numRuns: 40 },
    );
  });
});
