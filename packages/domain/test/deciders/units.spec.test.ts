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
  nabo: { exists: true, active: true, name: 'Nabo kommune', parentId: null },
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
          data: { successorUnitId: 'nye', mergedUnitIds: ['kommune', 'nabo'], effectiveDate: '2027-01-01', successorName: 'Nye kommune' },
          context: { now, units },
        })
        .then([
          { type: 'UnitRegistered', data: { unitId: 'nye', name: 'Nye kommune', parentId: null, orgNumber: null, leader: null } },
          { type: 'UnitsMerged', data: { successorUnitId: 'nye', mergedUnitIds: ['kommune', 'nabo'], effectiveDate: '2027-01-01' } },
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

  describe('the organisation in valid time', () => {
    const at = (registeredParentId: string | null, moves: { newParentId: string | null; effectiveDate: string }[] = [], mergers: { successorUnitId: string; effectiveDate: string }[] = []) => ({
      registeredParentId,
      moves: moves.map((m) => ({ ...m, annulled: false })),
      mergers: mergers.map((m) => ({ ...m, annulled: false })),
    });
    // Helse og omsorg is planned to move under Skole from 2027; Vann is merged into Teknisk from 2026-09-01
    const org: UnitsLookup = {
      kommune: { exists: true, active: true, name: 'Sandnes kommune', parentId: null, timeline: at(null) },
      nabo: { exists: true, active: true, name: 'Nabo kommune', parentId: null, timeline: at(null) },
      naboskole: { exists: true, active: true, name: 'Nabo skole', parentId: 'nabo', timeline: at('nabo') },
      helse: { exists: true, active: true, name: 'Helse og omsorg', parentId: 'kommune', timeline: at('kommune', [{ newParentId: 'skole', effectiveDate: '2027-01-01' }]) },
      hjemme: { exists: true, active: true, name: 'Hjemmetjenesten', parentId: 'helse', timeline: at('helse') },
      skole: { exists: true, active: true, name: 'Skole', parentId: 'kommune', timeline: at('kommune') },
      teknisk: { exists: true, active: true, name: 'Teknisk', parentId: 'kommune', timeline: at('kommune') },
      vann: { exists: true, active: true, name: 'Vann og avløp', parentId: 'teknisk', timeline: at('teknisk', [], [{ successorUnitId: 'teknisk', effectiveDate: '2026-09-01' }]) },
    };
    const context = { now, units: org };

    it('refuses a move that makes a cycle only at a later date (Helse moves under Skole in 2027)', () =>
      given([registered('skole', 'Skole', 'kommune')])
        .when({ type: 'MoveUnit', data: { unitId: 'skole', newParentId: 'hjemme', effectiveDate: '2026-06-01' }, context })
        .thenThrows('move_into_descendant', 'newParentId'));

    it('accepts the same move when it ends before the planned one would close the loop (no cycle at any date)', () =>
      given([registered('teknisk', 'Teknisk', 'kommune')])
        .when({ type: 'MoveUnit', data: { unitId: 'teknisk', newParentId: 'hjemme', effectiveDate: '2026-06-01' }, context })
        .then([{ type: 'UnitMoved', data: { unitId: 'teknisk', newParentId: 'hjemme', previousParentId: 'kommune', effectiveDate: '2026-06-01' } }]));

    it('refuses merging Helse og omsorg into its own child Hjemmetjenesten', () =>
      given([registered('hjemme', 'Hjemmetjenesten', 'helse')])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'hjemme', mergedUnitIds: ['helse'], effectiveDate: '2026-05-01' }, context })
        .thenThrows('merge_into_descendant', 'successorUnitId'));

    it('refuses a merger across two kommuner', () =>
      given([registered('helse', 'Helse og omsorg', 'kommune')])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'helse', mergedUnitIds: ['naboskole'], effectiveDate: '2026-05-01' }, context })
        .thenThrows('merge_across_kommuner', 'mergedUnitIds.0'));

    it('refuses merging a kommune into a unit of another kommune', () =>
      given([registered('helse', 'Helse og omsorg', 'kommune')])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'helse', mergedUnitIds: ['nabo'], effectiveDate: '2026-05-01' }, context })
        .thenThrows('merge_across_kommuner', 'mergedUnitIds.0'));

    it('refuses an orphan: a move under a unit merged away by the move\'s date', () =>
      given([registered('skole', 'Skole', 'kommune')])
        .when({ type: 'MoveUnit', data: { unitId: 'skole', newParentId: 'vann', effectiveDate: '2026-10-01' }, context })
        .thenThrows('would_orphan', 'newParentId'));

    it('accepts a move under that unit before its merger', () =>
      given([registered('skole', 'Skole', 'kommune')])
        .when({ type: 'MoveUnit', data: { unitId: 'skole', newParentId: 'vann', effectiveDate: '2026-04-01' }, context })
        .then([{ type: 'UnitMoved', data: { unitId: 'skole', newParentId: 'vann', previousParentId: 'kommune', effectiveDate: '2026-04-01' } }]));

    it('refuses a merger that would orphan a move planned into the merged unit', () =>
      given([registered('teknisk', 'Teknisk', 'kommune')])
        .when({
          type: 'MergeUnits',
          data: { successorUnitId: 'teknisk', mergedUnitIds: ['skole'], effectiveDate: '2026-06-01' },
          context: { now, units: { ...org, skole: { ...org.skole!, incomingMoves: [{ unitId: 'naboskole', effectiveDate: '2026-08-01' }] } } },
        })
        .thenThrows('would_orphan', 'mergedUnitIds.0'));

    it('refuses merging a unit whose merger is already planned', () =>
      given([registered('teknisk', 'Teknisk', 'kommune')])
        .when({ type: 'MergeUnits', data: { successorUnitId: 'teknisk', mergedUnitIds: ['vann'], effectiveDate: '2027-01-01' }, context })
        .thenThrows('unit_already_merged', 'mergedUnitIds.0'));

    const plannedMerger: UnitEvent = { type: 'UnitMergedInto', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2099-01-01' } };

    it('a merger dated in the future leaves the unit active now', () =>
      given([registered(), plannedMerger])
        .when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Helse og omsorg' }, context: { now, units } })
        .then([{ type: 'UnitRenamed', data: { unitId: 'helse', name: 'Helse og omsorg', previousName: 'Helse og velferd' } }]));

    it('refuses a move dated on or after the unit\'s planned merger', () =>
      given([registered(), plannedMerger])
        .when({ type: 'MoveUnit', data: { unitId: 'helse', newParentId: null, effectiveDate: '2099-02-01' }, context: { now, units } })
        .thenThrows('unit_merged', 'effectiveDate'));

    it('takes the previous parent as of the move\'s date', () =>
      given([registered('skole', 'Skole', 'kommune'), { type: 'UnitMoved', data: { unitId: 'skole', newParentId: 'teknisk', previousParentId: 'kommune', effectiveDate: '2027-01-01' } }])
        .when({ type: 'MoveUnit', data: { unitId: 'skole', newParentId: 'nabo', effectiveDate: '2026-06-01' }, context })
        .then([{ type: 'UnitMoved', data: { unitId: 'skole', newParentId: 'nabo', previousParentId: 'kommune', effectiveDate: '2026-06-01' } }]));

    it('annuls a planned move with a reason, and refuses annulling a move that is not there', () => {
      const moved: UnitEvent = { type: 'UnitMoved', data: { unitId: 'skole', newParentId: 'helse', previousParentId: 'kommune', effectiveDate: '2027-01-01' } };
      given([registered('skole', 'Skole', 'kommune'), moved])
        .when({ type: 'AnnulUnitMove', data: { unitId: 'skole', effectiveDate: '2027-01-01', reason: 'Vedtaket ble omgjort' }, context })
        .then([{ type: 'UnitMoveAnnulled', data: { unitId: 'skole', effectiveDate: '2027-01-01', reason: 'Vedtaket ble omgjort' } }]);
      given([registered('skole', 'Skole', 'kommune'), moved, { type: 'UnitMoveAnnulled', data: { unitId: 'skole', effectiveDate: '2027-01-01', reason: 'x' } }])
        .when({ type: 'AnnulUnitMove', data: { unitId: 'skole', effectiveDate: '2027-01-01', reason: 'igjen' }, context })
        .thenThrows('move_not_found', 'effectiveDate');
      given([registered('skole', 'Skole', 'kommune'), moved])
        .when({ type: 'AnnulUnitMove', data: { unitId: 'skole', effectiveDate: '2027-01-01', reason: '' }, context })
        .thenThrows('validation_failed', 'reason');
    });

    it('annuls a merger: the unit takes new facts again and can be merged anew', () => {
      const annulled: UnitEvent = { type: 'UnitMergerAnnulled', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-01-01', reason: 'Feilregistrert' } };
      given([registered(), mergedInto])
        .when({ type: 'AnnulUnitMerger', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-01-01', reason: 'Feilregistrert' }, context: { now, units } })
        .then([annulled]);
      given([registered(), mergedInto, annulled])
        .when({ type: 'RenameUnit', data: { unitId: 'helse', name: 'Helse og omsorg' }, context: { now, units } })
        .then([{ type: 'UnitRenamed', data: { unitId: 'helse', name: 'Helse og omsorg', previousName: 'Helse og velferd' } }]);
      given([registered(), mergedInto, annulled])
        .when({ type: 'MergeUnitInto', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-06-01' }, context: { now } })
        .then([{ type: 'UnitMergedInto', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2026-06-01' } }]);
      given([registered(), mergedInto])
        .when({ type: 'AnnulUnitMerger', data: { unitId: 'helse', successorUnitId: 'kommune', effectiveDate: '2025-01-01', reason: 'x' }, context: { now, units } })
        .thenThrows('merger_not_found', 'effectiveDate');
    });
  });
});
