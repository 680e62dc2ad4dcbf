import { describe, expect, it } from 'vitest';
import { changeSinceLast, goalDecider, goalVerdict, type GoalContext, type GoalEvent } from '../../src';
import { specFor } from './spec';

const { given } = specFor(goalDecider);
const now = '2026-03-15T10:00:00+01:00';
const context: GoalContext = {
  now,
  units: {
    kommune: { exists: true, active: true, name: 'Kristiansund kommune', parentId: null },
    helse: { exists: true, active: true, name: 'Helse og omsorg', parentId: 'kommune' },
    oppvekst: { exists: true, active: true, name: 'Oppvekst', parentId: 'kommune' },
    annen: { exists: true, active: true, name: 'Averøy kommune', parentId: null },
    gamle: { exists: true, active: false, name: 'Gamle helse', parentId: 'kommune', mergedInto: 'helse' },
  },
  projects: { p1: { exists: true, closed: false, name: 'Velferdsteknologi' } },
  goals: {
    main: { exists: true, kind: 'main', title: 'Trygge innbyggere', unitId: 'kommune', retired: false },
    sub: { exists: true, kind: 'sub', title: 'Flere bor hjemme lenger', unitId: 'helse', retired: false },
    helseMain: { exists: true, kind: 'main', title: 'God helse', unitId: 'helse', retired: false },
    old: { exists: true, kind: 'main', title: 'Gammelt mål', unitId: 'kommune', retired: true },
    indicator: { exists: true, kind: 'indicator', title: 'Andel hjemmeboende', unitId: 'helse', retired: false },
  },
  benefits: {
    b1: { cancelled: false, title: 'Færre sykehjemsplasser', recipientUnitId: 'helse' },
    b2: { cancelled: true, title: 'Kansellert', recipientUnitId: 'helse' },
    b3: { cancelled: false, title: 'I en annen kommune', recipientUnitId: 'annen' },
  },
};
const define = (data: Partial<{ goalId: string; kind: 'main' | 'sub' | 'indicator'; title: string; unitId: string; parentGoalId: string | null; description: string }>) => ({
  type: 'DefineGoal' as const,
  data: { goalId: 'g1', kind: 'indicator' as const, title: 'Andel over 80 som bor hjemme', unitId: 'helse', parentGoalId: 'sub', ...data },
  context,
});
const defined: GoalEvent = {
  type: 'GoalDefined',
  data: { goalId: 'g1', kind: 'indicator', title: 'Andel over 80 som bor hjemme', description: null, unitId: 'helse', parentGoalId: 'sub' },
};
const requirement = { goalId: 'g1', year: 2026, requiredValue: 90, unitOfMeasure: 'prosent', direction: 'increase' as const, desiredLimit: 90, acceptableLimit: 85 };

describe('goal decider', () => {
  describe('DefineGoal', () => {
    it('defines an indicator under a sub goal of its own unit', () => given([]).when(define({})).then([defined]));

    it('defines a main goal with no parent, and a sector sub goal under the kommune\'s main goal', () => {
      given([])
        .when(define({ kind: 'main', title: 'Trygge innbyggere', unitId: 'kommune', parentGoalId: null, description: 'Fra kommuneplanen' }))
        .then([{ type: 'GoalDefined', data: { goalId: 'g1', kind: 'main', title: 'Trygge innbyggere', description: 'Fra kommuneplanen', unitId: 'kommune', parentGoalId: null } }]);
      given([])
        .when(define({ kind: 'sub', title: 'Flere bor hjemme', unitId: 'helse', parentGoalId: 'main' }))
        .then([{ type: 'GoalDefined', data: { goalId: 'g1', kind: 'sub', title: 'Flere bor hjemme', description: null, unitId: 'helse', parentGoalId: 'main' } }]);
    });

    it('refuses an indicator without a sub goal above it', () => {
      given([]).when(define({ parentGoalId: null })).thenThrows('goal_parent_required', 'parentGoalId');
      given([]).when(define({ parentGoalId: 'main' })).thenThrows('goal_parent_kind', 'parentGoalId');
      given([]).when(define({ parentGoalId: 'nope' })).thenThrows('goal_not_found', 'parentGoalId');
    });

    it('refuses a main goal with a parent and a sub goal under a sub goal', () => {
      given([]).when(define({ kind: 'main', unitId: 'kommune', parentGoalId: 'main' })).thenThrows('goal_parent_not_allowed', 'parentGoalId');
      given([]).when(define({ kind: 'sub', parentGoalId: 'sub' })).thenThrows('goal_parent_kind', 'parentGoalId');
    });

    it('refuses a parent of another unit\'s tree or another kommune, and a retired parent', () => {
      given([]).when(define({ kind: 'sub', unitId: 'oppvekst', parentGoalId: 'helseMain' })).thenThrows('goal_parent_other_unit', 'parentGoalId');
      given([]).when(define({ kind: 'sub', unitId: 'annen', parentGoalId: 'main' })).thenThrows('goal_parent_other_unit', 'parentGoalId');
      given([]).when(define({ kind: 'sub', unitId: 'kommune', parentGoalId: 'old' })).thenThrows('goal_retired', 'parentGoalId');
    });

    it('refuses an unknown or merged unit, a blank title, and defining twice', () => {
      given([]).when(define({ unitId: 'nope' })).thenThrows('unit_not_found', 'unitId');
      given([]).when(define({ unitId: 'gamle' })).thenThrows('unit_inactive', 'unitId');
      given([]).when(define({ title: '  ' })).thenThrows('validation_failed', 'title');
      given([defined]).when(define({})).thenThrows('goal_exists', 'goalId');
    });
  });

  describe('requirements and results', () => {
    it('sets a year\'s resultatkrav with its limits on an indicator', () =>
      given([defined]).when({ type: 'SetGoalRequirement', data: requirement, context }).then([{ type: 'GoalRequirementSet', data: requirement }]));

    it('refuses limits on the wrong side of each other, and requirements on a goal that is not an indicator', () => {
      given([defined]).when({ type: 'SetGoalRequirement', data: { ...requirement, acceptableLimit: 95 }, context }).thenThrows('validation_failed', 'acceptableLimit');
      given([defined])
        .when({ type: 'SetGoalRequirement', data: { ...requirement, direction: 'decrease', desiredLimit: 5, acceptableLimit: 4 }, context })
        .thenThrows('validation_failed', 'acceptableLimit');
      const main: GoalEvent = { type: 'GoalDefined', data: { ...defined.data, kind: 'main', parentGoalId: null } };
      given([main]).when({ type: 'SetGoalRequirement', data: requirement, context }).thenThrows('goal_not_indicator', 'goalId');
      given([]).when({ type: 'SetGoalRequirement', data: requirement, context }).thenThrows('goal_not_found', 'goalId');
    });

    it('records a result once per year; a second needs a reason', () => {
      const first: GoalEvent = { type: 'GoalResultRecorded', data: { goalId: 'g1', year: 2025, value: 87.5, comment: 'Fra KOSTRA', reason: null } };
      given([defined]).when({ type: 'RecordGoalResult', data: { goalId: 'g1', year: 2025, value: 87.5, comment: 'Fra KOSTRA' }, context }).then([first]);
      given([defined, first]).when({ type: 'RecordGoalResult', data: { goalId: 'g1', year: 2025, value: 88 }, context }).thenThrows('goal_result_exists', 'reason');
      given([defined, first])
        .when({ type: 'RecordGoalResult', data: { goalId: 'g1', year: 2025, value: 88, reason: 'Rettet tall fra SSB' }, context })
        .then([{ type: 'GoalResultRecorded', data: { goalId: 'g1', year: 2025, value: 88, comment: null, reason: 'Rettet tall fra SSB' } }]);
    });

    it('refuses a result for a year that has not begun, and on a retired goal', () => {
      given([defined]).when({ type: 'RecordGoalResult', data: { goalId: 'g1', year: 2027, value: 1 }, context }).thenThrows('year_in_future', 'year');
      const retired: GoalEvent = { type: 'GoalRetired', data: { goalId: 'g1', reason: 'Ny kommuneplan' } };
      given([defined, retired]).when({ type: 'RecordGoalResult', data: { goalId: 'g1', year: 2025, value: 1 }, context }).thenThrows('goal_retired', 'goalId');
    });
  });

  describe('links', () => {
    const linked: GoalEvent = { type: 'GoalBenefitLinked', data: { goalId: 'g1', benefitId: 'b1' } };

    it('links a benefit of the same kommune once, and unlinks it', () => {
      given([defined]).when({ type: 'LinkBenefitToGoal', data: { goalId: 'g1', benefitId: 'b1' }, context }).then([linked]);
      given([defined, linked]).when({ type: 'LinkBenefitToGoal', data: { goalId: 'g1', benefitId: 'b1' }, context }).thenThrows('goal_link_exists', 'benefitId');
      given([defined, linked])
        .when({ type: 'UnlinkBenefitFromGoal', data: { goalId: 'g1', benefitId: 'b1' }, context })
        .then([{ type: 'GoalBenefitUnlinked', data: { goalId: 'g1', benefitId: 'b1' } }]);
      given([defined]).when({ type: 'UnlinkBenefitFromGoal', data: { goalId: 'g1', benefitId: 'b1' }, context }).thenThrows('goal_link_not_found', 'benefitId');
    });

    it('refuses a benefit that does not exist, is cancelled, or belongs to another kommune', () => {
      given([defined]).when({ type: 'LinkBenefitToGoal', data: { goalId: 'g1', benefitId: 'nope' }, context }).thenThrows('benefit_not_found', 'benefitId');
      given([defined]).when({ type: 'LinkBenefitToGoal', data: { goalId: 'g1', benefitId: 'b2' }, context }).thenThrows('benefit_cancelled', 'benefitId');
      given([defined]).when({ type: 'LinkBenefitToGoal', data: { goalId: 'g1', benefitId: 'b3' }, context }).thenThrows('goal_other_kommune', 'benefitId');
    });

    it('links an existing project once', () => {
      const projectLinked: GoalEvent = { type: 'GoalProjectLinked', data: { goalId: 'g1', projectId: 'p1' } };
      given([defined]).when({ type: 'LinkProjectToGoal', data: { goalId: 'g1', projectId: 'p1' }, context }).then([projectLinked]);
      given([defined, projectLinked]).when({ type: 'LinkProjectToGoal', data: { goalId: 'g1', projectId: 'p1' }, context }).thenThrows('goal_link_exists', 'projectId');
      given([defined]).when({ type: 'LinkProjectToGoal', data: { goalId: 'g1', projectId: 'nope' }, context }).thenThrows('project_not_found', 'projectId');
    });
  });

  it('renames and retires, keeping the previous title', () => {
    given([defined])
      .when({ type: 'RenameGoal', data: { goalId: 'g1', title: 'Andel over 80 år som bor hjemme' }, context })
      .then([{ type: 'GoalRenamed', data: { goalId: 'g1', title: 'Andel over 80 år som bor hjemme', description: null, previousTitle: 'Andel over 80 som bor hjemme' } }]);
    given([defined]).when({ type: 'RetireGoal', data: { goalId: 'g1', reason: '' }, context }).thenThrows('validation_failed', 'reason');
  });
});

describe('goal verdict (resultatgrenser)', () => {
  it('judges a result ønsket, akseptabelt or uakseptabelt in the indicator\'s direction, a limit reached when equalled', () => {
    const up = { direction: 'increase' as const, desiredLimit: 90, acceptableLimit: 85 };
    expect([95, 90, 89.9, 85, 84.9].map((v) => goalVerdict(v, up))).toEqual(['desired', 'desired', 'acceptable', 'acceptable', 'unacceptable']);
    const down = { direction: 'decrease' as const, desiredLimit: 5, acceptableLimit: 8 };
    expect([3, 5, 7, 8, 9].map((v) => goalVerdict(v, down))).toEqual(['desired', 'desired', 'acceptable', 'acceptable', 'unacceptable']);
  });

  it('tells whether the change since the last result went the wanted way', () => {
    expect(changeSinceLast(88, 85, 'increase')).toEqual({ delta: 3, better: true });
    expect(changeSinceLast(88, 85, 'decrease')).toEqual({ delta: 3, better: false });
    expect(changeSinceLast(85, 85, 'decrease')).toEqual({ delta: 0, better: null });
  });
});
