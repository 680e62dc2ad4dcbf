import { describe, it } from 'vitest';
import { unitDecider, type UnitEvent, type UnitsLookup } from '../../src';
import { specFor } from './spec';

const { given } = specFor(unitDecider);
const now = '2026-03-15T10:00:00+01:00';
const units: UnitsLookup = {
  kommune: { exists: true, active: true, name: 'Sandnes kommune', parentId: null },
  helse: { exists: true, active: true, name: 'Helse og velferd', parentId: 'kommune' },
  sykehjem: { exists: true, active: true, name: 'Sykehjem', parentId: 'helse' },
  gamle: { exists: true, active: false, name: 'Gamle Forus', parentId: 'kommune', mergedInto: 'helse' },
};

const registered = (unitId = 'helse', name = 'Helse og velferd', parentId: string | null = 'kommune'): UnitEvent => ({
  type: 'UnitRegistered',
  data: { unitId, name, parentId, orgNumber: null, leader: null },
});
const mergedInto: UnitEvent = { type: 'UnitMergedInto', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-01-01' } };

describe('unit decider', () => {
  describe('RegisterUnit', () => {
    it('registers a unit under an active parent, with a valid orgNumber (spaces allowed)', () =>
      given([])
        .when({
          type: 'RegisterUnit',
          data: { unitId: 'skole', name: 'Oppvekst skole', parentId: 'kommune', orgNumber: '964 965 137', leader: 'leder@sandnes.kommune.no' },
          context: { now, units },
        })
        .then([
          {
            type: 'UnitRegistered',
            data: { unitId: 'skole', name: 'Oppvekst skole', parentId: 'kommune', orgNumber: '964965137', leader: 'leder@sandnes.kommune.no' },
          },
        ]));

    it('refuses an orgNumber with a wrong MOD11 check digit', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: 'X', orgNumber: '964965136' }, context: { now, units } })
        .thenThrows('validation_failed', 'orgNumber'));

    it('refuses an orgNumber that is not 9 digits', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: 'X', orgNumber: '12345678A' }, context: { now, units } })
        .thenThrows('validation_failed', 'orgNumber'));

    it('refuses a leader that is not an e-mail address', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: 'X', leader: 'Kari Nordmann' }, context: { now, units } })
        .thenThrows('validation_failed', 'leader'));

    it('refuses an unknown parent', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: 'X', parentId: 'nope' }, context: { now, units } })
        .thenThrows('unit_not_found', 'parentId'));

    it('refuses a merged parent', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: 'X', parentId: 'gamle' }, context: { now, units } })
        .thenThrows('unit_inactive', 'parentId'));

    it('refuses registering twice', () =>
      given([registered()])
        .when({ type: 'RegisterUnit', data: { unitId: 'helse', name: 'Helse' }, context: { now, units } })
        .thenThrows('unit_exists', 'unitId'));

    it('refuses an empty name', () =>
      given([])
        .when({ type: 'RegisterUnit', data: { unitId: 'x', name: '   ' }, context: { now, units } })
        .thenThrows('validation_failed', 'name'));
  });

  describe('RenameUnit / AssignUnitLeader', () => {
    it('renames, remembering the previous name', () =>
      given([registered()])
        .when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Helse og omsorg' }, context: { now, units } })
        .then([{ type: 'UnitRenamed', data: { unitId: 'helse', name: 'Helse og omsorg', previousName: 'Helse og velferd' } }]));

    it('records nothing when the name is unchanged', () =>
      given([registered()]).when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Helse og velferd' }, context: { now, units } }).thenNothing());

    it('refuses an unknown unit', () =>
      given([]).when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Y' }, context: { now, units } }).thenThrows('unit_not_found', 'unitId'));

    it('assigns a leader by e-mail', () =>
      given([registered()])
        .when({ type: 'AssignUnitLeader', data: { unitId: 'helse', leader: 'ola@kommune.no' }, context: { now, units } })
        .then([{ type: 'UnitLeaderAssigned', data: { unitId: 'helse', leader: 'ola@kommune.no' } }]));

    it('refuses a leader that is not an e-mail', () =>
      given([registered()])
        .when({ type: 'AssignUnitLeader', data: { unitId: 'helse', leader: 'ola' }, context: { now, units } })
        .thenThrows('validation_failed', 'leader'));
  });

  describe('MoveUnit', () => {
    it('moves to another parent, effective today in Oslo by default', () =>
      given([registered('sykehjem', 'Sykehjem', 'helse')])
        .when({ type: 'MoveUnit', data: { unitId: 'sykehjem', newParentId: 'kommune' }, context: { now: '2026-03-15T23:30:00Z', units } })
        .then([
          { type: 'UnitMoved', data: { unitId: 'sykehjem', newParentId: 'kommune', previousParentId: 'helse', effectiveDate: '2026-03-16' } },
        ]));

    it('refuses a move under itself', () =>
      given([registered()])
        .when({ type: 'MoveUnit', data: { unitId: 'helse', newParentId: 'helse' }, context: { now, units } })
        .thenThrows('move_into_self', 'newParentId'));

    it('refuses a move under one of its own descendants', () =>
      given([registered()])
        .when({ type: 'MoveUnit', data: { unitId: 'helse', newParentId: 'sykehjem' }, context: { now, units } })
        .thenThrows('move_into_descendant', 'newParentId'));

    it('refuses a move under a merged unit', () =>
      given([registered()])
        .when({ type: 'MoveUnit', data: { unitId: 'helse', newParentId: 'gamle' }, context: { now, units } })
        .thenThrows('unit_inactive', 'newParentId'));
  });

  describe('SetHourlyRate', () => {
    const source = { wageOre: 60_000_000, employerContributionOre: 8_460_000, socialCostsOre: 6_000_000 };
    it('sets a rate for a year', () =>
      given([registered()])
        .when({ type: 'SetHourlyRate', data: { unitId: 'helse', year: 2026, rateOre: 52_000, source }, context: { now, units } })
        .then([{ type: 'HourlyRateSet', data: { unitId: 'helse', year: 2026, rateOre: 52_000, source } }]));

    it('refuses a rate that is not whole øre', () =>
      given([registered()])
        .when({ type: 'SetHourlyRate', data: { unitId: 'helse', year: 2026, rateOre: 520.5, source }, context: { now, units } })
        .thenThrows('validation_failed', 'rateOre'));

    it('refuses a negative wage in the source', () =>
      given([registered()])
        .when({ type: 'SetHourlyRate', data: { unitId: 'helse', year: 2026, rateOre: 52_000, source: { ...source, wageOre: -1 } }, context: { now, units } })
        .thenThrows('validation_failed', 'source.wageOre'));
  });

  describe('merging', () => {
    it('merges units into an existing successor', () =>
      given([registered('kommune', 'Sandnes kommune', null)])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'kommune', mergedUnitIds: ['helse', 'sykehjem'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .then([{ type: 'UnitsMerged', data: { successorUnitId: 'kommune', mergedUnitIds: ['helse', 'sykehjem'], effectiveDate: '2026-01-01' } }]));

    it('registers a new successor on the way (kommunesammenslåing)', () =>
      given([])
        .when({
          type: 'MergeUnits',
          data: { successorUnitId: 'nye', mergedUnitIds: ['helse', 'sykehjem'], effectiveDate: '2027-01-01', successorName: 'Nye kommune' },
          context: { now, units },
        })
        .then([
          { type: 'UnitRegistered', data: { unitId: 'nye', name: 'Nye kommune', parentId: null, orgNumber: null, leader: null } },
          { type: 'UnitsMerged', data: { successorUnitId: 'nye', mergedUnitIds: ['helse', 'sykehjem'], effectiveDate: '2027-01-01' } },
        ]));

    it('refuses a new successor without a name', () =>
      given([])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'nye', mergedUnitIds: ['helse'], effectiveDate: '2027-01-01' }, context: { now, units } })
        .thenThrows('unit_not_found', 'successorUnitId'));

    it('refuses merging a unit into itself', () =>
      given([registered('kommune', 'Sandnes kommune', null)])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'kommune', mergedUnitIds: ['helse', 'kommune'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .thenThrows('merge_into_self', 'mergedUnitIds.1'));

    it('refuses merging an already merged unit', () =>
      given([registered('kommune', 'Sandnes kommune', null)])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'kommune', mergedUnitIds: ['gamle'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .thenThrows('unit_already_merged', 'mergedUnitIds.0'));

    it('refuses merging an unknown unit and naming one twice', () => {
      given([registered('kommune', 'Sandnes kommune', null)])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'kommune', mergedUnitIds: ['nope'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .thenThrows('unit_not_found', 'mergedUnitIds.0');
      given([registered('kommune', 'Sandnes kommune', null)])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'kommune', mergedUnitIds: ['helse', 'helse'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .thenThrows('duplicate_unit', 'mergedUnitIds.1');
    });

    it('refuses a merged successor', () =>
      given([registered(), mergedInto])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'helse', mergedUnitIds: ['sykehjem'], effectiveDate: '2026-01-01' }, context: { now, units } })
        .thenThrows('unit_merged', 'unitId'));

    it('marks a merged unit on its own stream', () =>
      given([registered()])
        .when({ type: 'MergeUnitInto', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-01-01' }, context: { now } })
        .then([mergedInto]));

    it('refuses merging a unit into itself on its own stream', () =>
      given([registered()])
        .when({ type: 'MergeUnitInto', data: { unitId: 'helse', successorUnitId: 'helse', effectiveDate: '2026-01-01' }, context: { now } })
        .thenThrows('merge_into_self', 'successorUnitId'));

    it('refuses merging a unit twice', () =>
      given([registered(), mergedInto])
        .when({ type: 'MergeUnitInto', data: { unitId: 'helse', successorUnitId: 'sykehjem', effectiveDate: '2026-02-01' }, context: { now } })
        .thenThrows('unit_already_merged', 'unitId'));

    it('a merged unit takes no new facts', () => {
      const merged = given([registered(), mergedInto]);
      merged.when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Ny' }, context: { now, units } }).thenThrows('unit_merged', 'unitId');
      merged.when({ type: 'AssignUnitLeader', data: { unitId: 'helse', leader: 'a@b.no' }, context: { now, units } }).thenThrows('unit_merged', 'unitId');
      merged.when({ type: 'MoveUnit', data: { unitId: 'helse', newParentId: null }, context: { now, units } }).thenThrows('unit_merged', 'unitId');
      merged
        .when({ type: 'SetHourlyRate', data: { unitId: 'helse', year: 2026, rateOre: 1, source: { wageOre: 0, employerContributionOre: 0, socialCostsOre: 0 } }, context: { now, units } })
        .thenThrows('unit_merged', 'unitId');
    });
  });
});
