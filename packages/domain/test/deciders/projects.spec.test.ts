import { describe, it } from 'vitest';
import { projectDecider, type ProjectEvent, type UnitsLookup } from '../../src';
import { specFor } from './spec';

const { given } = specFor(projectDecider);
const now = '2026-03-15T10:00:00+01:00';
const units: UnitsLookup = {
  it: { exists: true, active: true, name: 'IT' },
  byggesak: { exists: true, active: true, name: 'Byggesak' },
  gamle: { exists: true, active: false, name: 'Gamle Forus', mergedInto: 'it' },
};

const registered: ProjectEvent = {
  type: 'ProjectRegistered',
  data: { projectId: 'p1', name: 'Digital byggesak', ownerUnitId: 'it', projectLeader: 'per@kommune.no', thresholds: { greenPct: 100, yellowPct: 80 } },
};
const closed: ProjectEvent = { type: 'ProjectClosed', data: { projectId: 'p1', reason: 'Levert' } };
const cost = { projectId: 'p1', costId: 'c1', payerUnitId: 'byggesak', amountOre: 250_000_00, period: '2026-T1', kind: 'one-off' as const, startYear: null, endYear: null };

describe('project decider', () => {
  describe('RegisterProject', () => {
    it('registers with default thresholds 100 % / 80 %', () =>
      given([])
        .when({ type: 'RegisterProject', data: { projectId: 'p1', name: 'Digital byggesak', ownerUnitId: 'it', projectLeader: 'per@kommune.no' }, context: { now, units } })
        .then([registered]));

    it('keeps thresholds configured for the project', () =>
      given([])
        .when({
          type: 'RegisterProject',
          data: { projectId: 'p1', name: 'X', ownerUnitId: 'it', projectLeader: 'per@kommune.no', thresholds: { greenPct: 90, yellowPct: 70 } },
          context: { now, units },
        })
        .then([{ type: 'ProjectRegistered', data: { projectId: 'p1', name: 'X', ownerUnitId: 'it', projectLeader: 'per@kommune.no', thresholds: { greenPct: 90, yellowPct: 70 } } }]));

    it('refuses a yellow threshold above the green one', () =>
      given([])
        .when({
          type: 'RegisterProject',
          data: { projectId: 'p1', name: 'X', ownerUnitId: 'it', projectLeader: 'per@kommune.no', thresholds: { greenPct: 80, yellowPct: 90 } },
          context: { now, units },
        })
        .thenThrows('validation_failed', 'thresholds.yellowPct'));

    it('refuses a project leader that is not an e-mail address', () =>
      given([])
        .when({ type: 'RegisterProject', data: { projectId: 'p1', name: 'X', ownerUnitId: 'it', projectLeader: 'Per' }, context: { now, units } })
        .thenThrows('validation_failed', 'projectLeader'));

    it('refuses an unknown or merged owner unit', () => {
      given([])
        .when({ type: 'RegisterProject', data: { projectId: 'p1', name: 'X', ownerUnitId: 'nope', projectLeader: 'per@kommune.no' }, context: { now, units } })
        .thenThrows('unit_not_found', 'ownerUnitId');
      given([])
        .when({ type: 'RegisterProject', data: { projectId: 'p1', name: 'X', ownerUnitId: 'gamle', projectLeader: 'per@kommune.no' }, context: { now, units } })
        .thenThrows('unit_inactive', 'ownerUnitId');
    });

    it('refuses registering twice', () =>
      given([registered])
        .when({ type: 'RegisterProject', data: { projectId: 'p1', name: 'X', ownerUnitId: 'it', projectLeader: 'per@kommune.no' }, context: { now, units } })
        .thenThrows('project_exists', 'projectId'));
  });

  describe('RecordCost', () => {
    it('records a cost paid by an active unit', () =>
      given([registered])
        .when({ type: 'RecordCost', data: cost, context: { now, units } })
        .then([{ type: 'CostRecorded', data: { ...cost, description: null } }]));

    it('accepts a zero cost', () =>
      given([registered])
        .when({ type: 'RecordCost', data: { ...cost, amountOre: 0 }, context: { now, units } })
        .then([{ type: 'CostRecorded', data: { ...cost, amountOre: 0, description: null } }]));

    it('refuses a negative cost', () =>
      given([registered]).when({ type: 'RecordCost', data: { ...cost, amountOre: -100 }, context: { now, units } }).thenThrows('validation_failed', 'amountOre'));

    it('refuses a cost that is not whole øre, or NaN', () => {
      given([registered]).when({ type: 'RecordCost', data: { ...cost, amountOre: 100.5 }, context: { now, units } }).thenThrows('validation_failed', 'amountOre');
      given([registered]).when({ type: 'RecordCost', data: { ...cost, amountOre: Number.NaN }, context: { now, units } }).thenThrows('validation_failed', 'amountOre');
    });

    it('refuses an invalid period', () =>
      given([registered]).when({ type: 'RecordCost', data: { ...cost, period: '2026-T4' }, context: { now, units } }).thenThrows('invalid_period', 'period'));

    it('refuses an unknown or merged payer unit', () => {
      given([registered]).when({ type: 'RecordCost', data: { ...cost, payerUnitId: 'nope' }, context: { now, units } }).thenThrows('unit_not_found', 'payerUnitId');
      given([registered]).when({ type: 'RecordCost', data: { ...cost, payerUnitId: 'gamle' }, context: { now, units } }).thenThrows('unit_inactive', 'payerUnitId');
    });

    it('refuses the same cost twice', () =>
      given([registered, { type: 'CostRecorded', data: { ...cost, description: null } }])
        .when({ type: 'RecordCost', data: cost, context: { now, units } })
        .thenThrows('cost_exists', 'costId'));

    it('refuses a cost on an unknown project', () =>
      given([]).when({ type: 'RecordCost', data: cost, context: { now, units } }).thenThrows('project_not_found', 'projectId'));

    it('refuses a cost on a closed project', () =>
      given([registered, closed]).when({ type: 'RecordCost', data: cost, context: { now, units } }).thenThrows('project_closed', 'projectId'));
  });

  describe('annual costs and StopAnnualCost', () => {
    const annual = { projectId: 'p1', costId: 'a1', payerUnitId: 'byggesak', amountOre: 120_000_00, period: '2026-T2', kind: 'annual' as const };
    const recordedAnnual: ProjectEvent = {
      type: 'CostRecorded',
      data: { ...annual, period: '2026', startYear: 2026, endYear: null, description: null },
    };
    const stop = { projectId: 'p1', costId: 'a1', lastYear: 2028, reason: 'Lisensen er sagt opp' };

    it('records an annual cost from its period\'s year until stopped, its period being its first year', () =>
      given([registered]).when({ type: 'RecordCost', data: annual, context: { now, units } }).then([recordedAnnual]));

    it('records an annual cost from a start year to an end year', () =>
      given([registered])
        .when({ type: 'RecordCost', data: { ...annual, startYear: 2027, endYear: 2029 }, context: { now, units } })
        .then([{ type: 'CostRecorded', data: { ...annual, period: '2027', startYear: 2027, endYear: 2029, description: null } }]));

    it('refuses an end year before the start year, and years on a one-off cost', () => {
      given([registered]).when({ type: 'RecordCost', data: { ...annual, startYear: 2027, endYear: 2026 }, context: { now, units } }).thenThrows('invalid_cost_years', 'endYear');
      given([registered]).when({ type: 'RecordCost', data: { ...cost, startYear: 2026 }, context: { now, units } }).thenThrows('invalid_cost_years', 'startYear');
    });

    it('stops an annual cost after a last year, with a reason', () =>
      given([registered, recordedAnnual]).when({ type: 'StopAnnualCost', data: stop, context: { now } }).then([{ type: 'AnnualCostStopped', data: stop }]));

    it('stops it again earlier, but not later than it already ends', () => {
      const stopped: ProjectEvent = { type: 'AnnualCostStopped', data: stop };
      given([registered, recordedAnnual, stopped])
        .when({ type: 'StopAnnualCost', data: { ...stop, lastYear: 2027 }, context: { now } })
        .then([{ type: 'AnnualCostStopped', data: { ...stop, lastYear: 2027 } }]);
      given([registered, recordedAnnual, stopped]).when({ type: 'StopAnnualCost', data: { ...stop, lastYear: 2028 }, context: { now } }).thenThrows('cost_already_ends', 'lastYear');
    });

    it('refuses a stop before the first year, without a reason, of a one-off or reversed cost', () => {
      given([registered, recordedAnnual]).when({ type: 'StopAnnualCost', data: { ...stop, lastYear: 2025 }, context: { now } }).thenThrows('invalid_cost_years', 'lastYear');
      given([registered, recordedAnnual]).when({ type: 'StopAnnualCost', data: { ...stop, reason: '' }, context: { now } }).thenThrows('validation_failed', 'reason');
      given([registered, { type: 'CostRecorded', data: { ...cost, costId: 'a1', description: null } }])
        .when({ type: 'StopAnnualCost', data: stop, context: { now } })
        .thenThrows('cost_not_annual', 'costId');
      given([registered, recordedAnnual, { type: 'CostReversed', data: { projectId: 'p1', costId: 'a1', reason: 'Feil' } }])
        .when({ type: 'StopAnnualCost', data: stop, context: { now } })
        .thenThrows('cost_reversed', 'costId');
    });

    it('refuses a stop of a cost corrected to one-off', () =>
      given([registered, recordedAnnual, { type: 'CostCorrected', data: { ...annual, period: '2026', kind: 'one-off', startYear: null, endYear: null, description: null, reason: 'Engang' } }])
        .when({ type: 'StopAnnualCost', data: stop, context: { now } })
        .thenThrows('cost_not_annual', 'costId'));
  });

  describe('CorrectCost and ReverseCost', () => {
    const recorded: ProjectEvent = { type: 'CostRecorded', data: { ...cost, description: null } };
    const correction = { projectId: 'p1', costId: 'c1', amountOre: 200_000_00, period: '2026', kind: 'annual' as const, startYear: 2026, endYear: 2026, reason: 'Feil beløp fra faktura' };
    const reversed: ProjectEvent = { type: 'CostReversed', data: { projectId: 'p1', costId: 'c1', reason: 'Ført på feil prosjekt' } };

    it('corrects a recorded cost with new figures and a reason', () =>
      given([registered, recorded])
        .when({ type: 'CorrectCost', data: correction, context: { now } })
        .then([{ type: 'CostCorrected', data: { ...correction, description: null } }]));

    it('corrects a cost that was corrected before', () =>
      given([registered, recorded, { type: 'CostCorrected', data: { ...correction, description: null } }])
        .when({ type: 'CorrectCost', data: { ...correction, amountOre: 1_00 }, context: { now } })
        .then([{ type: 'CostCorrected', data: { ...correction, amountOre: 1_00, description: null } }]));

    it('reverses a recorded cost with a reason', () =>
      given([registered, recorded]).when({ type: 'ReverseCost', data: { projectId: 'p1', costId: 'c1', reason: 'Ført på feil prosjekt' }, context: { now } }).then([reversed]));

    it('refuses a correction or reversal without a reason', () => {
      given([registered, recorded]).when({ type: 'CorrectCost', data: { ...correction, reason: '' }, context: { now } }).thenThrows('validation_failed', 'reason');
      given([registered, recorded]).when({ type: 'ReverseCost', data: { projectId: 'p1', costId: 'c1', reason: '' }, context: { now } }).thenThrows('validation_failed', 'reason');
    });

    it('refuses an unknown cost', () => {
      given([registered, recorded]).when({ type: 'CorrectCost', data: { ...correction, costId: 'c9' }, context: { now } }).thenThrows('cost_not_found', 'costId');
      given([registered, recorded]).when({ type: 'ReverseCost', data: { projectId: 'p1', costId: 'c9', reason: 'x' }, context: { now } }).thenThrows('cost_not_found', 'costId');
    });

    it('refuses correcting or reversing a reversed cost', () => {
      given([registered, recorded, reversed]).when({ type: 'CorrectCost', data: correction, context: { now } }).thenThrows('cost_reversed', 'costId');
      given([registered, recorded, reversed]).when({ type: 'ReverseCost', data: { projectId: 'p1', costId: 'c1', reason: 'Igjen' }, context: { now } }).thenThrows('cost_reversed', 'costId');
    });

    it('refuses a negative amount or an invalid period', () => {
      given([registered, recorded]).when({ type: 'CorrectCost', data: { ...correction, amountOre: -1 }, context: { now } }).thenThrows('validation_failed', 'amountOre');
      given([registered, recorded]).when({ type: 'CorrectCost', data: { ...correction, period: '2026-T4' }, context: { now } }).thenThrows('invalid_period', 'period');
    });

    it('refuses corrections on a closed project', () =>
      given([registered, recorded, closed]).when({ type: 'CorrectCost', data: correction, context: { now } }).thenThrows('project_closed', 'projectId'));
  });

  describe('phase and closing', () => {
    it('changes phase, remembering the previous one', () =>
      given([registered])
        .when({ type: 'ChangeProjectPhase', data: { projectId: 'p1', phase: 'execution' }, context: { now } })
        .then([{ type: 'ProjectPhaseChanged', data: { projectId: 'p1', phase: 'execution', previousPhase: 'planning' } }]));

    it('records nothing for the phase it is already in', () =>
      given([registered]).when({ type: 'ChangeProjectPhase', data: { projectId: 'p1', phase: 'planning' }, context: { now } }).thenNothing());

    it('closes with a reason, once', () => {
      given([registered]).when({ type: 'CloseProject', data: { projectId: 'p1', reason: 'Levert' }, context: { now } }).then([closed]);
      given([registered, closed]).when({ type: 'CloseProject', data: { projectId: 'p1', reason: 'Igjen' }, context: { now } }).thenThrows('project_closed', 'projectId');
      given([registered]).when({ type: 'CloseProject', data: { projectId: 'p1', reason: '' }, context: { now } }).thenThrows('validation_failed', 'reason');
    });

    it('refuses phase changes on a closed project', () =>
      given([registered, closed])
        .when({ type: 'ChangeProjectPhase', data: { projectId: 'p1', phase: 'realisation' }, context: { now } })
        .thenThrows('project_closed', 'projectId'));
  });
});
