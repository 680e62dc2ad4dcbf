import { refuse } from '../../errors';
import type { UnitEvent } from '../../events';
import { normaliseOrgNumber } from '../../validation';
import type { UnitsLookup } from '../context';
import { emit, osloDate, requireActiveUnit, requireNotMerged, requireSameId } from '../rules';
import type { MergeUnits, UnitCommand } from './commands';
import type { RegisteredUnit, UnitState } from './state';

/** The unit's stream is registered, for this unit, and not merged into another. */
const requireRegistered = (state: UnitState, unitId: string): RegisteredUnit => {
  if (state.status === 'none') return refuse('unit_not_found', 'unitId', `Enheten «${unitId}» finnes ikke`);
  requireSameId(state.unitId, unitId, 'unitId');
  if (state.status === 'merged')
    refuse('unit_merged', 'unitId', `Enheten «${state.name}» er slått sammen med en annen enhet og tar ikke imot nye registreringer`);
  return state;
};

/** Walks up from the new parent; meeting the unit itself means the move would make a cycle. */
const wouldCycle = (units: UnitsLookup, unitId: string, newParentId: string): boolean => {
  const seen = new Set<string>();
  for (let id: string | null | undefined = newParentId; id; id = Object.hasOwn(units, id) ? units[id]?.parentId : undefined) {
    if (id === unitId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return false;
};

const mergeUnits = ({ data, context }: MergeUnits, state: UnitState): UnitEvent[] => {
  const { successorUnitId, mergedUnitIds, effectiveDate } = data;
  requireNotMerged(context.units, successorUnitId, 'successorUnitId');
  const events: UnitEvent[] = [];
  if (state.status !== 'none') requireRegistered(state, successorUnitId);
  else if (!data.successorName?.trim())
    refuse('unit_not_found', 'successorUnitId', 'Enheten det slås sammen til finnes ikke; oppgi navn for å opprette den');
  else {
    if (data.parentId) requireActiveUnit(context.units, data.parentId, 'parentId');
    events.push(
      emit('UnitRegistered', { unitId: successorUnitId, name: data.successorName, parentId: data.parentId ?? null, orgNumber: null, leader: null }),
    );
  }
  if (mergedUnitIds.length === 0) refuse('validation_failed', 'mergedUnitIds', 'Minst én enhet må slås sammen');
  const seen = new Set<string>();
  mergedUnitIds.forEach((id, i) => {
    const path = `mergedUnitIds.${i}`;
    if (id === successorUnitId) refuse('merge_into_self', path, 'En enhet kan ikke slås sammen med seg selv');
    if (seen.has(id)) refuse('duplicate_unit', path, `Enheten «${id}» er nevnt to ganger`);
    seen.add(id);
    const unit = Object.hasOwn(context.units, id) ? context.units[id] : undefined;
    if (unit?.exists && !unit.active)
      refuse('unit_already_merged', path, `Enheten «${unit.name}» er allerede slått sammen med en annen enhet`);
    requireActiveUnit(context.units, id, path);
  });
  events.push(emit('UnitsMerged', { successorUnitId, mergedUnitIds, effectiveDate }));
  return events;
};

export const decideUnit = (command: UnitCommand, state: UnitState): UnitEvent[] => {
  switch (command.type) {
    case 'RegisterUnit': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('unit_exists', 'unitId', `Enheten «${data.unitId}» er allerede registrert`);
      if (data.parentId) requireActiveUnit(context.units, data.parentId, 'parentId');
      const orgNumber = data.orgNumber?.trim() ? normaliseOrgNumber(data.orgNumber) : null;
      return [
        emit('UnitRegistered', {
          unitId: data.unitId,
          name: data.name,
          parentId: data.parentId ?? null,
          orgNumber,
          leader: data.leader?.trim() ? data.leader.trim() : null,
        }),
      ];
    }
    case 'RenameUnit': {
      const { unitId, name } = command.data;
      requireNotMerged(command.context.units, unitId);
      const unit = requireRegistered(state, unitId);
      if (name.trim() === unit.name) return [];
      return [emit('UnitRenamed', { unitId, name, previousName: unit.name })];
    }
    case 'MoveUnit': {
      const { data, context } = command;
      requireNotMerged(context.units, data.unitId);
      const unit = requireRegistered(state, data.unitId);
      if (data.newParentId !== null) {
        if (data.newParentId === data.unitId) refuse('move_into_self', 'newParentId', 'En enhet kan ikke ligge under seg selv');
        requireActiveUnit(context.units, data.newParentId, 'newParentId');
        if (wouldCycle(context.units, data.unitId, data.newParentId))
          refuse('move_into_descendant', 'newParentId', 'En enhet kan ikke flyttes inn under en av sine egne underenheter');
      }
      if (data.newParentId === unit.parentId) return [];
      return [
        emit('UnitMoved', {
          unitId: data.unitId,
          newParentId: data.newParentId,
          previousParentId: unit.parentId,
          effectiveDate: data.effectiveDate ?? osloDate(context.now),
        }),
      ];
    }
    case 'AssignUnitLeader': {
      const { unitId, leader } = command.data;
      requireNotMerged(command.context.units, unitId);
      if (leader === requireRegistered(state, unitId).leader) return [];
      return [emit('UnitLeaderAssigned', { unitId, leader })];
    }
    case 'SetHourlyRate':
      requireNotMerged(command.context.units, command.data.unitId);
      requireRegistered(state, command.data.unitId);
      return [emit('HourlyRateSet', command.data)];
    case 'MergeUnits':
      return mergeUnits(command, state);
    case 'MergeUnitInto': {
      const { unitId, successorUnitId, effectiveDate } = command.data;
      if (state.status === 'merged')
        refuse('unit_already_merged', 'unitId', `Enheten «${state.name}» er allerede slått sammen med en annen enhet`);
      requireRegistered(state, unitId);
      if (successorUnitId === unitId) refuse('merge_into_self', 'successorUnitId', 'En enhet kan ikke slås sammen med seg selv');
      return [emit('UnitMergedInto', { unitId, successorUnitId, effectiveDate })];
    }
  }
};
