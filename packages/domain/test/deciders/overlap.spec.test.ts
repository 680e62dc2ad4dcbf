import { describe, expect, it } from 'vitest';
import {
  benefitDecider,
  BenefitOverlapError,
  normaliseMeasure,
  plansOverlap,
  type BenefitEvent,
  type PlanBenefit,
  type PlannedBenefitFacts,
  type PlannedBenefitsLookup,
  type ProjectsLookup,
  type UnitsLookup,
} from '../../src';
import { specFor } from './spec';

const { given } = specFor(benefitDecider);
const now = '2026-06-15T10:00:00+02:00';
const units: UnitsLookup = { byggesak: { exists: true, active: true, name: 'Byggesak' } };
const projects: ProjectsLookup = {
  p1: { exists: true, closed: false, name: 'Digital byggesak' },
  p2: { exists: true, closed: false, name: 'Ny saksbehandling' },
};

/** a live benefit of project p2 on the same unit, indicator and unit of measure, planned for 2026-T2 */
const other: PlannedBenefitFacts = {
  benefitId: 'other',
  projectId: 'p2',
  projectName: 'Ny saksbehandling',
  title: 'Kortere byggesaker',
  recipientUnitId: 'byggesak',
  indicator: 'Timer per byggesak',
  unitOfMeasure: 'timer',
  disbenefit: false,
  cancelled: false,
  periods: ['2026-T2', '2026-T3'],
};
const lookup = (...benefits: PlannedBenefitFacts[]): PlannedBenefitsLookup => ({ byggesak: benefits });
const contextWith = (...benefits: PlannedBenefitFacts[]) => ({ now, units, projects, plannedBenefits: lookup(...benefits) });

const planData: PlanBenefit['data'] = {
  benefitId: 'b1',
  projectId: 'p1',
  title: 'Raskere byggesak',
  recipientUnitId: 'byggesak',
  owner: 'kari@kommune.no',
  // the same indicator and unit as `other`, written differently
  indicator: '  timer PER   byggesak ',
  unitOfMeasure: 'Timer',
  direction: 'decrease',
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 650_00,
  plan: [
    { period: '2026-T1', quantity: 200 },
    { period: '2026-T2', quantity: 300 },
  ],
};
const planned: BenefitEvent = {
  type: 'BenefitPlanned',
  data: {
    ...planData,
    indicator: 'timer PER   byggesak',
    valuationOrePerUnit: 650_00,
    baseline: null,
    target: null,
    targetDate: null,
    measurementSchedule: 'tertial',
    disbenefit: false,
    change: null,
    comment: null,
  },
};
const plan = (data: Partial<PlanBenefit['data']>, ...benefits: PlannedBenefitFacts[]): PlanBenefit => ({
  type: 'PlanBenefit',
  data: { ...planData, ...data },
  context: contextWith(...benefits),
});

describe('the double-counting guard (PlanBenefit)', () => {
  it('refuses a benefit that claims the gain of another project’s benefit, naming it', () => {
    const error = given([]).when(plan({}, other)).thenThrows('benefit_overlaps', 'sharedWith');
    expect(error).toBeInstanceOf(BenefitOverlapError);
    expect((error as BenefitOverlapError).overlaps).toEqual([
      { benefitId: 'other', title: 'Kortere byggesaker', projectId: 'p2', projectName: 'Ny saksbehandling' },
    ]);
    expect(error.message).toContain('«Kortere byggesaker» i prosjektet «Ny saksbehandling»');
    expect(error.toJSON()).toMatchObject({ code: 'benefit_overlaps', overlaps: [{ benefitId: 'other' }] });
  });

  it('names every benefit it overlaps that has no declared share', () => {
    const third = { ...other, benefitId: 'third', title: 'Færre timer', projectId: 'p3', projectName: 'Tredje' };
    const error = given([])
      .when(plan({ sharedWith: [{ benefitId: 'other', sharePercent: 50, otherSharePercent: 50 }] }, other, third))
      .thenThrows('benefit_overlaps') as BenefitOverlapError;
    expect(error.overlaps.map((o) => o.benefitId)).toEqual(['third']);
  });

  it('accepts it with declared shares, stored as BenefitOverlapDeclared in the same append', () =>
    given([])
      .when(plan({ sharedWith: [{ benefitId: 'other', sharePercent: 40, otherSharePercent: 60 }] }, other))
      .then([
        planned,
        {
          type: 'BenefitOverlapDeclared',
          data: { benefitId: 'b1', otherBenefitId: 'other', otherProjectId: 'p2', sharePercent: 40, otherSharePercent: 60 },
        },
      ]));

  it('accepts shares below 100 % together', () =>
    expect(
      given([])
        .when(plan({ sharedWith: [{ benefitId: 'other', sharePercent: 30, otherSharePercent: 50 }] }, other))
        .then([
          planned,
          {
            type: 'BenefitOverlapDeclared',
            data: { benefitId: 'b1', otherBenefitId: 'other', otherProjectId: 'p2', sharePercent: 30, otherSharePercent: 50 },
          },
        ]),
    ).toHaveLength(2));

  it('refuses shares over 100 % together, naming the field', () =>
    given([])
      .when(plan({ sharedWith: [{ benefitId: 'other', sharePercent: 60, otherSharePercent: 50 }] }, other))
      .thenThrows('shares_exceed_total', 'sharedWith.0.sharePercent'));

  it('refuses a share with a benefit it does not overlap, and the same benefit twice', () => {
    given([])
      .when(plan({ sharedWith: [{ benefitId: 'nope', sharePercent: 50, otherSharePercent: 50 }] }, other))
      .thenThrows('share_not_overlapping', 'sharedWith.0.benefitId');
    const twice = { benefitId: 'other', sharePercent: 20, otherSharePercent: 20 };
    given([]).when(plan({ sharedWith: [twice, twice] }, other)).thenThrows('validation_failed', 'sharedWith.1.benefitId');
  });

  it('a cancelled benefit of another project does not block', () =>
    given([]).when(plan({}, { ...other, cancelled: true })).then([planned]));

  it('plans whose periods do not overlap pass', () =>
    given([])
      .when(plan({}, { ...other, periods: ['2026-T3', '2027'] }))
      .then([planned]));

  it('a year overlaps its tertials; a plan without periods overlaps any plan', () => {
    given([]).when(plan({}, { ...other, periods: ['2026'] })).thenThrows('benefit_overlaps');
    given([]).when(plan({}, { ...other, periods: [] })).thenThrows('benefit_overlaps');
    expect(plansOverlap(['2026-05'], ['2026-T2'])).toBe(true);
    expect(plansOverlap(['2026-04'], ['2026-T2'])).toBe(false);
  });

  it('a different unit of measure, indicator or recipient passes', () => {
    given([]).when(plan({}, { ...other, unitOfMeasure: 'kroner' })).then([planned]);
    given([]).when(plan({}, { ...other, indicator: 'Klager per måned' })).then([planned]);
    given([]).when(plan({}, { ...other, recipientUnitId: 'it' })).then([planned]);
  });

  it('a benefit of the same project is not guarded (one plan, one project leader)', () =>
    given([]).when(plan({}, { ...other, projectId: 'p1', projectName: 'Digital byggesak' })).then([planned]));

  it('a disbenefit neither claims nor blocks a gain', () => {
    given([]).when(plan({}, { ...other, disbenefit: true })).then([planned]);
    given([])
      .when(plan({ disbenefit: true }, other))
      .then([{ ...planned, data: { ...planned.data, disbenefit: true } } as BenefitEvent]);
  });

  it('compares indicators and units of measure without regard to case and whitespace', () => {
    expect(normaliseMeasure('  Timer\tper  BYGGESAK ')).toBe('timer per byggesak');
    expect(normaliseMeasure('Årsverk')).toBe(normaliseMeasure('ÅRSVERK'));
  });
});
