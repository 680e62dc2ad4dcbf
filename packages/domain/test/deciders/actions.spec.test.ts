import { describe, expect, it } from 'vitest';
import { benefitDecider, riskLevel, riskScore, type BenefitEvent } from '../../src';
import { specFor } from './spec';

const { given } = specFor(benefitDecider);
const context = { now: '2026-06-15T10:00:00+02:00' };

const planned: BenefitEvent = {
  type: 'BenefitPlanned',
  data: {
    benefitId: 'b1', projectId: 'p1', title: 'Raskere byggesak', recipientUnitId: 'byggesak', owner: 'kari@kommune.no',
    indicator: 'Timer per byggesak', unitOfMeasure: 'timer', direction: 'decrease', category: 'capacity', cashReleasing: false,
    valuationOrePerUnit: null, baseline: 10, target: 7.5, targetDate: null, plan: [{ period: '2026-T1', quantity: 200 }],
    measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null,
  },
};
const cancelled: BenefitEvent = { type: 'BenefitCancelled', data: { benefitId: 'b1', reason: 'Stoppet' } };
const added: BenefitEvent = {
  type: 'BenefitActionAdded',
  data: { benefitId: 'b1', actionId: 'a1', title: 'Opplæring i nytt saksystem', owner: 'ola@kommune.no', deadline: '2026-09-01', comment: null },
};
const update = (data: Partial<Extract<BenefitEvent, { type: 'BenefitActionUpdated' }>['data']>): BenefitEvent => ({
  type: 'BenefitActionUpdated',
  data: { benefitId: 'b1', actionId: 'a1', status: null, deadline: null, owner: null, comment: null, ...data },
});
const assessed = (probability: number, consequence: number, mitigation = 'Tett oppfølging'): BenefitEvent => ({
  type: 'BenefitRiskAssessed',
  data: { benefitId: 'b1', riskId: 'r1', threat: 'Ansatte tar ikke i bruk løsningen', probability, consequence, mitigation },
});
const closed: BenefitEvent = { type: 'BenefitRiskClosed', data: { benefitId: 'b1', riskId: 'r1', reason: 'Løsningen er tatt i bruk' } };

const addAction = (data: Partial<{ actionId: string; title: string; owner: string; deadline: string; comment: string | null }> = {}) =>
  ({
    type: 'AddBenefitAction',
    data: { benefitId: 'b1', actionId: 'a1', title: ' Opplæring i nytt saksystem ', owner: 'Ola@Kommune.no', deadline: '2026-09-01', ...data },
    context,
  }) as const;
const updateAction = (data: Record<string, unknown>) => ({ type: 'UpdateBenefitAction', data: { benefitId: 'b1', actionId: 'a1', ...data }, context }) as never;
const assess = (probability: number, consequence: number, riskId = 'r1', mitigation = 'Tett oppfølging') =>
  ({ type: 'AssessBenefitRisk', data: { benefitId: 'b1', riskId, threat: 'Ansatte tar ikke i bruk løsningen', probability, consequence, mitigation }, context }) as const;

describe('realisation actions (gevinstrealiseringstiltak)', () => {
  it('adds an action as planned, with the owner in lower case and the title trimmed', () =>
    given([planned]).when(addAction()).then([added]));

  it('refuses an action on a cancelled benefit', () => given([planned, cancelled]).when(addAction()).thenThrows('benefit_cancelled', 'benefitId'));

  it('refuses an action on a benefit that does not exist', () => given([]).when(addAction()).thenThrows('benefit_not_found', 'benefitId'));

  it('refuses a deadline that is not a calendar date', () => {
    given([planned]).when(addAction({ deadline: '2026-02-30' })).thenThrows('validation_failed', 'deadline');
    given([planned]).when(addAction({ deadline: '1. september' })).thenThrows('validation_failed', 'deadline');
  });

  it('refuses the same action id twice', () => given([planned, added]).when(addAction()).thenThrows('action_exists', 'actionId'));

  it('moves planned → in progress → done, recording only what changed', () => {
    given([planned, added]).when(updateAction({ status: 'inProgress', deadline: '2026-09-01' })).then([update({ status: 'inProgress' })]);
    given([planned, added, update({ status: 'inProgress' })]).when(updateAction({ status: 'done', comment: 'Alle er kurset' })).then([
      update({ status: 'done', comment: 'Alle er kurset' }),
    ]);
  });

  it('records nothing when nothing changes', () => given([planned, added]).when(updateAction({ status: 'planned', owner: 'ola@kommune.no' })).thenNothing());

  it('keeps a done or cancelled action final', () => {
    given([planned, added, update({ status: 'done' })]).when(updateAction({ status: 'inProgress' })).thenThrows('action_closed', 'status');
    given([planned, added, update({ status: 'cancelled' })]).when(updateAction({ deadline: '2026-12-01' })).thenThrows('action_closed', 'status');
  });

  it('refuses an update of an unknown action or with a bad deadline', () => {
    given([planned]).when(updateAction({ status: 'done' })).thenThrows('action_not_found', 'actionId');
    given([planned, added]).when(updateAction({ deadline: '2026-13-01' })).thenThrows('validation_failed', 'deadline');
  });

  it('refuses updates once the benefit is cancelled', () =>
    given([planned, added, cancelled]).when(updateAction({ status: 'done' })).thenThrows('benefit_cancelled', 'benefitId'));

  it('folds the latest status, deadline and owner', () => {
    const state = [planned, added, update({ status: 'inProgress', owner: 'per@kommune.no' }), update({ deadline: '2026-10-01' })].reduce(
      benefitDecider.evolve,
      benefitDecider.initialState(),
    );
    expect(state.status === 'planned' && state.actions?.a1).toMatchObject({ status: 'inProgress', owner: 'per@kommune.no', deadline: '2026-10-01' });
  });
});

describe('risk per benefit', () => {
  it('assesses a risk with probability and consequence 1–5', () => given([planned]).when(assess(4, 5)).then([assessed(4, 5)]));

  it('re-assesses the same risk as a new event (the earlier one stays in the stream)', () =>
    given([planned, assessed(4, 5)]).when(assess(2, 5, 'r1', 'Superbrukere på hver enhet')).then([assessed(2, 5, 'Superbrukere på hver enhet')]));

  it('records nothing when the assessment is unchanged', () => given([planned, assessed(4, 5)]).when(assess(4, 5)).thenNothing());

  for (const [p, c, field] of [[0, 3, 'probability'], [6, 3, 'probability'], [2.5, 3, 'probability'], [3, 0, 'consequence'], [3, 7, 'consequence']] as const)
    it(`refuses probability ${p} × consequence ${c}`, () => given([planned]).when(assess(p, c)).thenThrows('invalid_grade', field));

  it('refuses a risk on a cancelled benefit', () => given([planned, cancelled]).when(assess(3, 3)).thenThrows('benefit_cancelled', 'benefitId'));

  it('closes an open risk, once; a closed risk is not re-assessed', () => {
    given([planned, assessed(3, 3)]).when({ type: 'CloseBenefitRisk', data: { benefitId: 'b1', riskId: 'r1', reason: ' Løsningen er tatt i bruk ' }, context }).then([closed]);
    given([planned, assessed(3, 3), closed]).when({ type: 'CloseBenefitRisk', data: { benefitId: 'b1', riskId: 'r1', reason: 'igjen' }, context }).thenThrows('risk_closed', 'riskId');
    given([planned, assessed(3, 3), closed]).when(assess(4, 4)).thenThrows('risk_closed', 'riskId');
  });

  it('refuses closing an unknown risk or without a reason', () => {
    given([planned]).when({ type: 'CloseBenefitRisk', data: { benefitId: 'b1', riskId: 'r9', reason: 'x' }, context }).thenThrows('risk_not_found', 'riskId');
    given([planned, assessed(3, 3)]).when({ type: 'CloseBenefitRisk', data: { benefitId: 'b1', riskId: 'r1', reason: '  ' }, context }).thenThrows('reason_required', 'reason');
  });

  it('scores probability × consequence in three bands', () => {
    expect([riskScore(1, 4), riskScore(5, 1), riskScore(3, 4), riskScore(3, 5), riskScore(5, 5)].map(riskLevel)).toEqual(['low', 'medium', 'medium', 'high', 'high']);
  });
});
