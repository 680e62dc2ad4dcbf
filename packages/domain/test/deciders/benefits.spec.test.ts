import { describe, expect, it } from 'vitest';
import {
  benefitDecider,
  foldEvents,
  benefitWithdrawableOre,
  type BenefitEvent,
  type PlanBenefit,
  type ProjectsLookup,
  type UnitsLookup,
  ValidationError,
} from '../../src';
import { specFor } from './spec';

const { given } = specFor(benefitDecider);
const now = '2026-06-15T10:00:00+02:00';
const units: UnitsLookup = {
  it: { exists: true, active: true, name: 'IT' },
  byggesak: { exists: true, active: true, name: 'Byggesak' },
  gamle: { exists: true, active: false, name: 'Gamle Forus', mergedInto: 'byggesak' },
};
const projects: ProjectsLookup = {
  p1: { exists: true, closed: false, name: 'Digital byggesak' },
  ferdig: { exists: true, closed: true, name: 'Ferdig prosjekt' },
};
const context = { now, units, projects, plannedBenefits: {} };

const planData: PlanBenefit['data'] = {
  benefitId: 'b1',
  projectId: 'p1',
  title: 'Raskere byggesak',
  recipientUnitId: 'byggesak',
  owner: 'kari@kommune.no',
  indicator: 'Timer per byggesak',
  unitOfMeasure: 'timer',
  direction: 'decrease',
  category: 'budget',
  cashReleasing: true,
  valuationOrePerUnit: 650_00,
  baseline: 10,
  target: 7.5,
  plan: [{ period: '2026-T1', quantity: 200 }, { period: '2026-T2', quantity: 300 }],
};
const planned: BenefitEvent = {
  type: 'BenefitPlanned',
  data: { ...planData, valuationOrePerUnit: 650_00, baseline: 10, target: 7.5, targetDate: null, measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null },
};
const realised = (period: string, quantity: number, valueOre = quantity * 650_00): BenefitEvent => ({
  type: 'BenefitRealised',
  data: { benefitId: 'b1', period, quantity, valuationOrePerUnit: 650_00, valueOre, comment: null, evidenceUrl: null },
});
const withdrawn = (withdrawalId: string, amountOre: number): BenefitEvent => ({
  type: 'BudgetWithdrawalRecorded',
  data: { benefitId: 'b1', withdrawalId, unitId: 'byggesak', period: '2027', amountOre, saksnummer: '26/1', comment: null },
});
const cancelled: BenefitEvent = { type: 'BenefitCancelled', data: { benefitId: 'b1', reason: 'Prosjektet stoppet' } };

describe('benefit decider', () => {
  describe('PlanBenefit', () => {
    it('plans a benefit with defaults for schedule, disbenefit and target date', () =>
      given([]).when({ type: 'PlanBenefit', data: planData, context }).then([planned]));

    it('keeps the change (endring/tiltak) and comment of the plan', () =>
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, change: 'Digital byggesøknad', comment: 'Fra planen 2026' }, context })
        .then([{ ...planned, data: { ...planned.data, change: 'Digital byggesøknad', comment: 'Fra planen 2026' } } as BenefitEvent]));

    it('refuses an unknown or merged recipient unit', () => {
      given([]).when({ type: 'PlanBenefit', data: { ...planData, recipientUnitId: 'nope' }, context }).thenThrows('unit_not_found', 'recipientUnitId');
      given([]).when({ type: 'PlanBenefit', data: { ...planData, recipientUnitId: 'gamle' }, context }).thenThrows('unit_inactive', 'recipientUnitId');
    });

    it('refuses an unknown or closed project', () => {
      given([]).when({ type: 'PlanBenefit', data: { ...planData, projectId: 'nope' }, context }).thenThrows('project_not_found', 'projectId');
      given([]).when({ type: 'PlanBenefit', data: { ...planData, projectId: 'ferdig' }, context }).thenThrows('project_closed', 'projectId');
    });

    it('refuses an owner that is not an e-mail address', () =>
      given([]).when({ type: 'PlanBenefit', data: { ...planData, owner: 'Kari' }, context }).thenThrows('validation_failed', 'owner'));

    it('refuses a valuation that is not whole øre or is negative', () => {
      given([]).when({ type: 'PlanBenefit', data: { ...planData, valuationOrePerUnit: 650.5 }, context }).thenThrows('validation_failed', 'valuationOrePerUnit');
      given([]).when({ type: 'PlanBenefit', data: { ...planData, valuationOrePerUnit: -1 }, context }).thenThrows('validation_failed', 'valuationOrePerUnit');
    });

    it('refuses NaN in the plan and an invalid plan period', () => {
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, plan: [{ period: '2026-T1', quantity: Number.NaN }] }, context })
        .thenThrows('validation_failed', 'plan.0.quantity');
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, plan: [{ period: '2026-T7', quantity: 1 }] }, context })
        .thenThrows('validation_failed', 'plan.0.period');
    });

    it('refuses a cash-releasing benefit without a valuation, and an unpriced one with a valuation', () => {
      given([]).when({ type: 'PlanBenefit', data: { ...planData, valuationOrePerUnit: null }, context }).thenThrows('valuation_required', 'valuationOrePerUnit');
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, category: 'unpriced', cashReleasing: false }, context })
        .thenThrows('valuation_not_allowed', 'valuationOrePerUnit');
    });

    it('refuses a cash-releasing benefit in any category but budget (DFØ: budsjettmessig virkning i egen virksomhet)', () => {
      for (const category of ['capacity', 'otherPublic'] as const)
        given([]).when({ type: 'PlanBenefit', data: { ...planData, category }, context }).thenThrows('cash_releasing_not_budget', 'cashReleasing');
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, category: 'unpriced', valuationOrePerUnit: null }, context })
        .thenThrows('cash_releasing_not_budget', 'cashReleasing');
      given([])
        .when({ type: 'PlanBenefit', data: { ...planData, category: 'capacity', cashReleasing: false }, context })
        .then([{ ...planned, data: { ...planned.data, category: 'capacity', cashReleasing: false } } as BenefitEvent]);
    });

    it('refuses a target on the wrong side of the baseline for the direction', () => {
      given([]).when({ type: 'PlanBenefit', data: { ...planData, target: 12 }, context }).thenThrows('target_against_direction', 'target');
      given([]).when({ type: 'PlanBenefit', data: { ...planData, direction: 'increase' }, context }).thenThrows('target_against_direction', 'target');
    });

    it('refuses planning the same benefit twice', () =>
      given([planned]).when({ type: 'PlanBenefit', data: planData, context }).thenThrows('benefit_exists', 'benefitId'));
  });

  describe('RecordRealisation', () => {
    it('fixes valueOre = round(quantity × valuation) on the event', () =>
      given([planned])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 12.345, comment: 'Målt i fagsystemet' }, context: { now } })
        .then([
          {
            type: 'BenefitRealised',
            data: { benefitId: 'b1', period: '2026-T1', quantity: 12.345, valuationOrePerUnit: 650_00, valueOre: 802_425, comment: 'Målt i fagsystemet', evidenceUrl: null },
          },
        ]));

    it('rounds half an øre up', () =>
      given([{ ...planned, data: { ...planned.data, valuationOrePerUnit: 3 } } as BenefitEvent])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 2.5 }, context: { now } })
        .then([{ type: 'BenefitRealised', data: { benefitId: 'b1', period: '2026-T1', quantity: 2.5, valuationOrePerUnit: 3, valueOre: 8, comment: null, evidenceUrl: null } }]));

    it('values a non-valued benefit at 0 øre', () =>
      given([{ ...planned, data: { ...planned.data, category: 'unpriced', cashReleasing: false, valuationOrePerUnit: null } } as BenefitEvent])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 40 }, context: { now } })
        .then([{ type: 'BenefitRealised', data: { benefitId: 'b1', period: '2026-T1', quantity: 40, valuationOrePerUnit: null, valueOre: 0, comment: null, evidenceUrl: null } }]));

    it('allows one realisation per period', () =>
      given([planned, realised('2026-T1', 100)])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 120 }, context: { now } })
        .thenThrows('realisation_exists', 'period'));

    it('refuses a period overlapping one already realised (a year over its tertials)', () =>
      given([planned, realised('2026-T1', 100)])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026', quantity: 120 }, context: { now } })
        .thenThrows('period_overlaps', 'period'));

    it('refuses an invalid period, and one that has not started in Oslo', () => {
      given([planned]).when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T0', quantity: 1 }, context: { now } }).thenThrows('invalid_period', 'period');
      given([planned]).when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T3', quantity: 1 }, context: { now } }).thenThrows('period_in_future', 'period');
      // 2026-08-31T22:30Z is already 1 September in Oslo: T3 has begun.
      given([planned])
        .when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T3', quantity: 1 }, context: { now: '2026-08-31T22:30:00Z' } })
        .then([realised('2026-T3', 1)]);
    });

    it('refuses NaN, infinite and negative quantities', () => {
      for (const quantity of [Number.NaN, Number.POSITIVE_INFINITY])
        given([planned]).when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity }, context: { now } }).thenThrows('invalid_number', 'quantity');
      given([planned]).when({ type: 'RecordRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: -1 }, context: { now } }).thenThrows('negative_quantity', 'quantity');
    });

    it('refuses a cancelled, an unknown and an unplanned benefit', () => {
      const cmd = { type: 'RecordRealisation' as const, data: { benefitId: 'b1', period: '2026-T1', quantity: 1 }, context: { now } };
      given([planned, cancelled]).when(cmd).thenThrows('benefit_cancelled', 'benefitId');
      given([]).when(cmd).thenThrows('benefit_not_found', 'benefitId');
      given([
        {
          type: 'UnplannedBenefitRecorded',
          data: { benefitId: 'b1', projectId: null, title: 'X', recipientUnitId: 'it', category: 'capacity', period: '2026-T1', quantity: 1, unitOfMeasure: 'timer', valueOre: 0, description: 'd' },
        },
      ])
        .when(cmd)
        .thenThrows('benefit_not_planned', 'benefitId');
    });
  });

  describe('CorrectRealisation', () => {
    it('is its own event, and the latest counts', () => {
      given([planned, realised('2026-T1', 100)])
        .when({ type: 'CorrectRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 80, reason: 'Feil i uttrekket' }, context: { now } })
        .then([
          {
            type: 'BenefitRealisationCorrected',
            data: { benefitId: 'b1', period: '2026-T1', quantity: 80, valuationOrePerUnit: 650_00, valueOre: 80 * 650_00, comment: null, evidenceUrl: null, reason: 'Feil i uttrekket' },
          },
        ]);
      const state = foldEvents(benefitDecider, [
        planned,
        realised('2026-T1', 100),
        { type: 'BenefitRealisationCorrected', data: { ...realised('2026-T1', 80).data, reason: 'r' } } as BenefitEvent,
      ]);
      expect(state.status === 'none' ? undefined : state.realisations['2026-T1']).toEqual({ quantity: 80, valueOre: 80 * 650_00, corrected: true });
    });

    it('needs a realisation to correct, and a reason', () => {
      given([planned])
        .when({ type: 'CorrectRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 80, reason: 'x' }, context: { now } })
        .thenThrows('realisation_not_found', 'period');
      given([planned, realised('2026-T1', 100)])
        .when({ type: 'CorrectRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 80, reason: '' }, context: { now } })
        .thenThrows('validation_failed', 'reason');
    });

    it('refuses to bring realised value below what is already withdrawn', () =>
      given([planned, realised('2026-T1', 100), withdrawn('w1', 60 * 650_00)])
        .when({ type: 'CorrectRealisation', data: { benefitId: 'b1', period: '2026-T1', quantity: 50, reason: 'x' }, context: { now } })
        .thenThrows('correction_below_withdrawn', 'quantity'));

    it('refuses to lower a period below what was withdrawn on it by then, though the total still covers it', () => {
      const inT1: BenefitEvent = { ...withdrawn('w1', 10 * 650_00), data: { ...withdrawn('w1', 10 * 650_00).data, period: '2026-T1' } } as BenefitEvent;
      const history = [planned, realised('2026-T1', 10), realised('2026-T2', 10), inT1];
      const correct = (period: string, quantity: number) =>
        ({ type: 'CorrectRealisation', data: { benefitId: 'b1', period, quantity, reason: 'Feil i telling' }, context: { now } }) as const;
      const error = given(history).when(correct('2026-T1', 5)).thenThrows('correction_below_withdrawn', 'quantity');
      expect(error.message).toBe(
        'Korrigeringen gir kr\u00a03\u00a0250,00 realisert budsjettmessig gevinst til og med 2026 T1, men kr\u00a06\u00a0500,00 er allerede tatt ut for perioder til og med da',
      );
      // T2 carries no withdrawal of its own: lowering it leaves the T1 withdrawal covered
      given(history).when(correct('2026-T2', 0)).then([{ type: 'BenefitRealisationCorrected', data: { ...realised('2026-T2', 0).data, reason: 'Feil i telling' } } as BenefitEvent]);
    });
  });

  describe('RecordBudgetWithdrawal', () => {
    const withdraw = (amountOre: number, withdrawalId = 'w2') =>
      ({ type: 'RecordBudgetWithdrawal', data: { benefitId: 'b1', withdrawalId, period: '2027', amountOre, saksnummer: '26/77' }, context: { now, units } }) as const;

    it('withdraws up to what is realised and not yet withdrawn', () => {
      const history = [planned, realised('2026-T1', 10), withdrawn('w1', 4 * 650_00)];
      given(history)
        .when(withdraw(6 * 650_00))
        .then([{ type: 'BudgetWithdrawalRecorded', data: { benefitId: 'b1', withdrawalId: 'w2', unitId: 'byggesak', period: '2027', amountOre: 6 * 650_00, saksnummer: '26/77', comment: null } }]);
    });

    it('refuses more, naming the figures in kroner', () => {
      const error = given([planned, realised('2026-T1', 10), withdrawn('w1', 4 * 650_00)])
        .when(withdraw(6 * 650_00 + 1))
        .thenThrows('withdrawal_exceeds_realised', 'amountOre');
      expect(error.message).toBe(
        'Uttaket på kr\u00a03\u00a0900,01 er større enn det som er realisert til og med 2027 og ikke tatt ut: kr\u00a03\u00a0900,00 (realisert kr\u00a06\u00a0500,00, allerede tatt ut kr\u00a02\u00a0600,00)',
      );
    });

    it('counts the corrected value, not the first one', () =>
      given([planned, realised('2026-T1', 10), { type: 'BenefitRealisationCorrected', data: { ...realised('2026-T1', 5).data, reason: 'r' } } as BenefitEvent])
        .when(withdraw(5 * 650_00 + 1))
        .thenThrows('withdrawal_exceeds_realised', 'amountOre'));

    it('refuses a benefit that is not cash-releasing', () =>
      given([{ ...planned, data: { ...planned.data, cashReleasing: false, category: 'capacity' } } as BenefitEvent, realised('2026-T1', 10)])
        .when(withdraw(100))
        .thenThrows('not_cash_releasing', 'benefitId'));

    it('requires a saksnummer (bad input): missing, null, empty or blank', () => {
      const history = [planned, realised('2026-T1', 10)];
      for (const saksnummer of [undefined, null, '', '   ']) {
        const error = given(history)
          .when({ type: 'RecordBudgetWithdrawal', data: { benefitId: 'b1', withdrawalId: 'w2', period: '2027', amountOre: 100, saksnummer }, context: { now, units } })
          .thenThrows('saksnummer_required', 'saksnummer');
        expect(error).toBeInstanceOf(ValidationError);
      }
    });

    it('stores the saksnummer trimmed', () =>
      given([planned, realised('2026-T1', 10)])
        .when({ type: 'RecordBudgetWithdrawal', data: { benefitId: 'b1', withdrawalId: 'w2', period: '2026-T1', amountOre: 100, saksnummer: ' 26/77 ' }, context: { now, units } })
        .then([{ type: 'BudgetWithdrawalRecorded', data: { benefitId: 'b1', withdrawalId: 'w2', unitId: 'byggesak', period: '2026-T1', amountOre: 100, saksnummer: '26/77', comment: null } }]));

    describe('only on what is realised in the same period or earlier', () => {
      const at = (period: string, amountOre: number) =>
        ({ type: 'RecordBudgetWithdrawal', data: { benefitId: 'b1', withdrawalId: 'w2', period, amountOre, saksnummer: '26/77' }, context: { now, units } }) as const;

      it('refuses a withdrawal before any gain is realised, naming the first realisation', () => {
        const error = given([planned, realised('2026-T2', 10)]).when(at('2026-T1', 100)).thenThrows('withdrawal_before_realisation', 'period');
        expect(error.message).toContain('2026 T1');
        expect(error.message).toContain('første realisering er i 2026 T2');
        given([planned]).when(at('2027', 100)).thenThrows('withdrawal_before_realisation', 'period');
      });

      it('refuses a withdrawal in a tertial on a gain realised for the whole year (the year has not ended by then)', () =>
        given([planned, realised('2026', 10)]).when(at('2026-T2', 100)).thenThrows('withdrawal_before_realisation', 'period'));

      it('accepts the same period, a later one, and a year on its tertials', () => {
        const history = [planned, realised('2026-T1', 10), realised('2026-T2', 2)];
        given(history).when(at('2026-T1', 10 * 650_00)).then([{ type: 'BudgetWithdrawalRecorded', data: { ...at('2026-T1', 10 * 650_00).data, unitId: 'byggesak', comment: null } }]);
        given(history).when(at('2026', 12 * 650_00)).then([{ type: 'BudgetWithdrawalRecorded', data: { ...at('2026', 12 * 650_00).data, unitId: 'byggesak', comment: null } }]);
        given(history).when(at('2026-05', 12 * 650_00)).thenThrows('withdrawal_exceeds_realised', 'amountOre');
      });

      it('counts only what is realised by its period, less everything already withdrawn', () => {
        // T1 10 × 650 = 6 500 kr, T2 2 × 650 = 1 300 kr; 1 000 kr already withdrawn (in T2)
        const history = [planned, realised('2026-T1', 10), realised('2026-T2', 2), { ...withdrawn('w1', 1_000_00), data: { ...withdrawn('w1', 1_000_00).data, period: '2026-T2' } } as BenefitEvent];
        given(history).when(at('2026-T1', 5_500_00)).then([{ type: 'BudgetWithdrawalRecorded', data: { ...at('2026-T1', 5_500_00).data, unitId: 'byggesak', comment: null } }]);
        const error = given(history).when(at('2026-T1', 5_500_01)).thenThrows('withdrawal_exceeds_realised', 'amountOre');
        expect(error.message).toBe(
          'Uttaket på kr\u00a05\u00a0500,01 er større enn det som er realisert til og med 2026 T1 og ikke tatt ut: kr\u00a05\u00a0500,00 (realisert kr\u00a06\u00a0500,00, allerede tatt ut kr\u00a01\u00a0000,00)',
        );
        given(history).when(at('2026-T2', 6_800_00)).then([{ type: 'BudgetWithdrawalRecorded', data: { ...at('2026-T2', 6_800_00).data, unitId: 'byggesak', comment: null } }]);
      });
    });

    it('refuses a withdrawal on a benefit stored as cash-releasing in another category than budget (before the rule)', () =>
      given([{ ...planned, data: { ...planned.data, category: 'capacity' } } as BenefitEvent, realised('2026-T1', 10)])
        .when(withdraw(100))
        .thenThrows('cash_releasing_not_budget', 'cashReleasing'));

    it('refuses zero, negative and fractional amounts', () => {
      const history = [planned, realised('2026-T1', 10)];
      for (const amount of [0, -100, 10.5]) given(history).when(withdraw(amount)).thenThrows('validation_failed', 'amountOre');
    });

    it('refuses the same withdrawal twice', () => {
      given([planned, realised('2026-T1', 10), withdrawn('w1', 100)]).when(withdraw(100, 'w1')).thenThrows('withdrawal_exists', 'withdrawalId');
    });

    it('books a withdrawal named on a merged unit to its successor (the carrier unit)', () =>
      given([planned, realised('2026-T1', 10)])
        .when({ type: 'RecordBudgetWithdrawal', data: { benefitId: 'b1', withdrawalId: 'w9', period: '2027', amountOre: 100, unitId: 'gamle', saksnummer: '26/9' }, context: { now, units } })
        .then([
          {
            type: 'BudgetWithdrawalRecorded',
            data: { benefitId: 'b1', withdrawalId: 'w9', unitId: 'byggesak', period: '2027', amountOre: 100, saksnummer: '26/9', comment: null },
          },
        ]));

    it('keeps withdrawable = realised cash-releasing − withdrawn', () => {
      const state = foldEvents(benefitDecider, [planned, realised('2026-T1', 10), realised('2026-T2', 3), withdrawn('w1', 500_00)]);
      expect(benefitWithdrawableOre(state)).toBe(13 * 650_00 - 500_00);
    });
  });

  describe('measurements, forecast, owner, cancellation', () => {
    it('records a baseline, not in the future', () => {
      given([planned]).when({ type: 'MeasureBaseline', data: { benefitId: 'b1', value: 10.5, measuredOn: '2026-01-10' }, context: { now } })
        .then([{ type: 'BaselineMeasured', data: { benefitId: 'b1', value: 10.5, measuredOn: '2026-01-10', reason: null } }]);
      given([planned]).when({ type: 'MeasureBaseline', data: { benefitId: 'b1', value: 10.5, measuredOn: '2026-07-01' }, context: { now } })
        .thenThrows('date_in_future', 'measuredOn');
    });

    it('a new baseline (one was measured before) needs a reason, and keeps it', () => {
      const measured: BenefitEvent = { type: 'BaselineMeasured', data: { benefitId: 'b1', value: 10.5, measuredOn: '2026-01-10', reason: null } };
      given([planned, measured]).when({ type: 'MeasureBaseline', data: { benefitId: 'b1', value: 12, measuredOn: '2026-03-01' }, context: { now } })
        .thenThrows('reason_required', 'reason');
      given([planned, measured]).when({ type: 'MeasureBaseline', data: { benefitId: 'b1', value: 12, measuredOn: '2026-03-01', reason: '  ' }, context: { now } })
        .thenThrows('reason_required', 'reason');
      given([planned, measured])
        .when({ type: 'MeasureBaseline', data: { benefitId: 'b1', value: 12, measuredOn: '2026-03-01', reason: 'Ny telling med nytt saksystem' }, context: { now } })
        .then([{ type: 'BaselineMeasured', data: { benefitId: 'b1', value: 12, measuredOn: '2026-03-01', reason: 'Ny telling med nytt saksystem' } }]);
    });

    it('files a measurement under the schedule period of its date', () =>
      given([planned])
        .when({ type: 'RecordMeasurement', data: { benefitId: 'b1', value: 8.2, measuredOn: '2026-05-02', evidenceUrl: 'https://sak.kommune.no/1' }, context: { now } })
        .then([{ type: 'MeasurementRecorded', data: { benefitId: 'b1', value: 8.2, measuredOn: '2026-05-02', period: '2026-T2', comment: null, evidenceUrl: 'https://sak.kommune.no/1' } }]));

    it('refuses a measurement with a bad date or NaN value', () => {
      given([planned]).when({ type: 'RecordMeasurement', data: { benefitId: 'b1', value: 8, measuredOn: '2026-02-30' }, context: { now } }).thenThrows('validation_failed', 'measuredOn');
      given([planned]).when({ type: 'RecordMeasurement', data: { benefitId: 'b1', value: Number.NaN, measuredOn: '2026-02-03' }, context: { now } }).thenThrows('validation_failed', 'value');
    });

    it('revises the forecast with a reason', () =>
      given([planned])
        .when({ type: 'ReviseForecast', data: { benefitId: 'b1', plan: [{ period: '2026-T3', quantity: 500 }], reason: 'Forsinket innføring' }, context: { now } })
        .then([{ type: 'BenefitForecastRevised', data: { benefitId: 'b1', plan: [{ period: '2026-T3', quantity: 500 }], reason: 'Forsinket innføring' } }]));

    it('assigns a new owner by e-mail', () => {
      given([planned])
        .when({ type: 'AssignBenefitOwner', data: { benefitId: 'b1', owner: 'ola@kommune.no' }, context: { now } })
        .then([{ type: 'BenefitOwnerAssigned', data: { benefitId: 'b1', owner: 'ola@kommune.no', previousOwner: 'kari@kommune.no' } }]);
      given([planned]).when({ type: 'AssignBenefitOwner', data: { benefitId: 'b1', owner: 'ola' }, context: { now } }).thenThrows('validation_failed', 'owner');
      given([planned]).when({ type: 'AssignBenefitOwner', data: { benefitId: 'b1', owner: 'kari@kommune.no' }, context: { now } }).thenNothing();
    });

    it('cancels once, after which the benefit takes no new plans or measurements', () => {
      given([planned]).when({ type: 'CancelBenefit', data: { benefitId: 'b1', reason: 'Prosjektet stoppet' }, context: { now } }).then([cancelled]);
      given([planned, cancelled]).when({ type: 'CancelBenefit', data: { benefitId: 'b1', reason: 'x' }, context: { now } }).thenThrows('benefit_cancelled', 'benefitId');
      given([planned, cancelled]).when({ type: 'ReviseForecast', data: { benefitId: 'b1', plan: [], reason: 'x' }, context: { now } }).thenThrows('benefit_cancelled', 'benefitId');
    });

    it('refuses a command naming another benefit than its stream', () =>
      given([planned]).when({ type: 'CancelBenefit', data: { benefitId: 'b2', reason: 'x' }, context: { now } }).thenThrows('stream_mismatch', 'benefitId'));
  });

  describe('RecordUnplannedBenefit', () => {
    const unplanned = {
      benefitId: 'u1', title: 'Færre klager', recipientUnitId: 'it', category: 'otherPublic' as const, period: '2026-T1',
      quantity: 12, unitOfMeasure: 'klager', valueOre: 12_000_00, description: 'Oppdaget etter innføring',
    };
    it('records a gain nobody planned, on its own stream', () =>
      given([])
        .when({ type: 'RecordUnplannedBenefit', data: unplanned, context })
        .then([{ type: 'UnplannedBenefitRecorded', data: { ...unplanned, projectId: null } }]));

    it('refuses a merged recipient, a closed project and a negative value', () => {
      given([]).when({ type: 'RecordUnplannedBenefit', data: { ...unplanned, recipientUnitId: 'gamle' }, context }).thenThrows('unit_inactive', 'recipientUnitId');
      given([]).when({ type: 'RecordUnplannedBenefit', data: { ...unplanned, projectId: 'ferdig' }, context }).thenThrows('project_closed', 'projectId');
      given([]).when({ type: 'RecordUnplannedBenefit', data: { ...unplanned, valueOre: -1 }, context }).thenThrows('validation_failed', 'valueOre');
    });

    it('refuses a kroner value on an unpriced gain', () =>
      given([]).when({ type: 'RecordUnplannedBenefit', data: { ...unplanned, category: 'unpriced' }, context }).thenThrows('valuation_not_allowed', 'valueOre'));
  });

  describe('AttachEvidence', () => {
    const evidence = { benefitId: 'b1', attachmentId: 'a'.repeat(64), fileName: 'maling.pdf', contentType: 'application/pdf' as const, sizeBytes: 1234, period: null, measuredOn: '2026-06-01' };

    it('records the reference to a stored file, also on a cancelled benefit', () => {
      given([planned]).when({ type: 'AttachEvidence', data: evidence, context: { now } }).then([{ type: 'EvidenceAttached', data: evidence }]);
      given([planned, cancelled]).when({ type: 'AttachEvidence', data: evidence, context: { now } }).then([{ type: 'EvidenceAttached', data: evidence }]);
    });

    it('refuses an unknown benefit, a file type not allowed and an id that is no SHA-256', () => {
      given([]).when({ type: 'AttachEvidence', data: evidence, context: { now } }).thenThrows('benefit_not_found', 'benefitId');
      given([planned]).when({ type: 'AttachEvidence', data: { ...evidence, contentType: 'text/html' as 'text/plain' }, context: { now } }).thenThrows('validation_failed', 'contentType');
      given([planned]).when({ type: 'AttachEvidence', data: { ...evidence, attachmentId: '../etc/passwd' }, context: { now } }).thenThrows('validation_failed', 'attachmentId');
    });
  });

  describe('ApproveBenefitPlan', () => {
    const approve = (decisionPoint: 'BP1' | 'BP2' | 'BP3' | 'BP4' | 'other', note?: string) =>
      ({ type: 'ApproveBenefitPlan', data: { benefitId: 'b1', decisionPoint, ...(note === undefined ? {} : { note }) }, context: { now } }) as const;
    const approvedAtBp2: BenefitEvent = {
      type: 'BenefitPlanApproved',
      data: { benefitId: 'b1', decisionPoint: 'BP2', plan: planData.plan, baseline: 10, target: 7.5, targetDate: null, note: 'Styringsgruppen 12. mars' },
    };
    const revised: BenefitEvent = {
      type: 'BenefitForecastRevised',
      data: { benefitId: 'b1', plan: [{ period: '2026-T2', quantity: 150 }, { period: '2026-T3', quantity: 350 }], reason: 'Forsinket innføring' },
    };

    it('approves the plan as it stands: plan, baseline, target and target date copied onto the event', () =>
      given([planned]).when(approve('BP2', ' Styringsgruppen 12. mars ')).then([approvedAtBp2]));

    it('approves the revised plan and the re-measured baseline, not the original', () =>
      given([planned, revised, { type: 'BaselineMeasured', data: { benefitId: 'b1', value: 11, measuredOn: '2026-02-01', reason: null } }])
        .when(approve('BP3'))
        .then([{ type: 'BenefitPlanApproved', data: { benefitId: 'b1', decisionPoint: 'BP3', plan: revised.data.plan as never, baseline: 11, target: 7.5, targetDate: null, note: null } }]));

    it('re-approves a decision point once the plan changed since its approval, and refuses approving the same plan twice', () => {
      given([planned, approvedAtBp2]).when(approve('BP2')).thenThrows('plan_already_approved', 'decisionPoint');
      given([planned, approvedAtBp2, revised])
        .when(approve('BP2'))
        .then([{ type: 'BenefitPlanApproved', data: { benefitId: 'b1', decisionPoint: 'BP2', plan: revised.data.plan as never, baseline: 10, target: 7.5, targetDate: null, note: null } }]);
      // another decision point may approve the same plan
      given([planned, approvedAtBp2]).when(approve('BP3')).then([{ ...approvedAtBp2, data: { ...approvedAtBp2.data, decisionPoint: 'BP3', note: null } } as BenefitEvent]);
    });

    it('refuses an unknown, a cancelled or an unplanned benefit', () => {
      given([]).when(approve('BP2')).thenThrows('benefit_not_found', 'benefitId');
      given([planned, cancelled]).when(approve('BP2')).thenThrows('benefit_cancelled', 'benefitId');
      given([{ type: 'UnplannedBenefitRecorded', data: { benefitId: 'b1', projectId: null, title: 'Uplanlagt', recipientUnitId: 'it', category: 'capacity', period: '2026-T1', quantity: 3, unitOfMeasure: 'timer', valueOre: 0, description: 'x' } }])
        .when(approve('BP2'))
        .thenThrows('benefit_not_planned', 'benefitId');
    });

    it('refuses a decision point outside the list', () =>
      given([planned]).when({ type: 'ApproveBenefitPlan', data: { benefitId: 'b1', decisionPoint: 'BP9' as never }, context: { now } }).thenThrows('validation_failed', 'decisionPoint'));
  });
});
