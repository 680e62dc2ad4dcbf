import { refuse } from '../../errors';
import type { UnitEvent } from '../../events';
import { normaliseOrgNumber } from '../../validation';
import { activeMerger, annulMerger, annulMove, mergerAt, parentAt, type UnitTimeline } from '../../ledger/timeline';
import type { UnitsLookup } from '../context';
import { emit, osloDate, requireActiveUnit, requireNotMerged, requireSameId, timelineOf, unitFactsOf } from '../rules';
import type { AnnulUnitMerger, AnnulUnitMove, MergeUnits, MoveUnit, UnitCommand } from './commands';
import { ProposedOrganisation } from './organisation';
import type { RegisteredUnit, UnitState } from './state';

/** The unit's stream is registered, for this unit, and not merged into another (by `today`, when given). */
const requireRegistered = (state: UnitState, unitId: string, today?: string): RegisteredUnit => {
  if (state.status === 'none') return refuse('unit_not_found', 'unitId', `Enheten «${unitId}» finnes ikke`);
  requireSameId(state.unitId, unitId, 'unitId');
  if (state.status === 'merged' && (today === undefined || mergerAt(state, today)))
    refuse('unit_merged', 'unitId', `Enheten «${state.name}» er slått sammen med en annen enhet og tar ikke imot nye registreringer`);
  return state;
};

const timelineOfState = (unit: RegisteredUnit): UnitTimeline => ({ registeredParentId: unit.registeredParentId, moves: unit.moves, mergers: unit.mergers });

const refuseCycle = (org: ProposedOrganisation, starts: string[], from: string, code: string, path: string, what: string): void => {
  const date = org.firstCycle(starts, from);
  if (date !== null) refuse(code, path, `${what}: enhetstreet ville fått en løkke fra ${date}`);
};

/** The new parent exists, is active today, and is not merged by the date the unit would come under it. */
const requireParentAt = (units: UnitsLookup, parentId: string, date: string, path: string): void => {
  requireActiveUnit(units, parentId, path);
  const merger = mergerAt(timelineOf(unitFactsOf(units, parentId)), date);
  if (merger)
    refuse('would_orphan', path, `Enheten «${parentId}» er slått sammen med «${merger.successorUnitId}» fra ${merger.effectiveDate} og kan ikke ha underenheter fra ${date}`);
};

const moveUnit = ({ data, context }: MoveUnit, state: UnitState): UnitEvent[] => {
  const today = osloDate(context.now);
  const effectiveDate = data.effectiveDate ?? today;
  requireNotMerged(context.units, data.unitId);
  const unit = requireRegistered(state, data.unitId, today);
  const merger = activeMerger(timelineOfState(unit));
  if (merger && merger.effectiveDate <= effectiveDate)
    refuse('unit_merged', 'effectiveDate', `Enheten «${unit.name}» slås sammen med en annen enhet fra ${merger.effectiveDate} og kan ikke flyttes etter det`);
  if (data.newParentId !== null) {
    if (data.newParentId === data.unitId) refuse('move_into_self', 'newParentId', 'En enhet kan ikke ligge under seg selv');
    requireParentAt(context.units, data.newParentId, effectiveDate, 'newParentId');
  }
  const timeline = timelineOfState(unit);
  const previousParentId = parentAt(timeline, effectiveDate);
  if (data.newParentId === previousParentId) return [];
  const proposed = { ...timeline, moves: [...timeline.moves, { newParentId: data.newParentId, effectiveDate, annulled: false }] };
  const org = new ProposedOrganisation(context.units, new Map([[data.unitId, proposed]]));
  refuseCycle(org, [data.unitId], effectiveDate, 'move_into_descendant', 'newParentId', 'En enhet kan ikke flyttes inn under en av sine egne underenheter');
  return [emit('UnitMoved', { unitId: data.unitId, newParentId: data.newParentId, previousParentId, effectiveDate })];
};

const mergeUnits = ({ data, context }: MergeUnits, state: UnitState): UnitEvent[] => {
  const { successorUnitId, mergedUnitIds, effectiveDate } = data;
  const today = osloDate(context.now);
  requireNotMerged(context.units, successorUnitId, 'successorUnitId');
  const events: UnitEvent[] = [];
  const existing = state.status !== 'none';
  if (existing) {
    const successor = requireRegistered(state, successorUnitId, today);
    const merger = mergerAt(timelineOfState(successor), effectiveDate);
    if (merger)
      refuse('unit_merged', 'successorUnitId', `Enheten «${successor.name}» er selv slått sammen med en annen enhet fra ${merger.effectiveDate}`);
  } else if (!data.successorName?.trim())
    refuse('unit_not_found', 'successorUnitId', 'Enheten det slås sammen til finnes ikke; oppgi navn for å opprette den');
  else {
    if (data.parentId) requireParentAt(context.units, data.parentId, effectiveDate, 'parentId');
    events.push(
      emit('UnitRegistered', { unitId: successorUnitId, name: data.successorName, parentId: data.parentId ?? null, orgNumber: null, leader: null }),
    );
  }
  if (mergedUnitIds.length === 0) refuse('validation_failed', 'mergedUnitIds', 'Minst én enhet må slås sammen');
  const today$ = new ProposedOrganisation(context.units, new Map());
  // the successor's kommune: a new successor lies under its parent, or is a kommune of its own
  const successorRoot = existing ? today$.root(successorUnitId, effectiveDate) : data.parentId ? today$.root(data.parentId, effectiveDate) : successorUnitId;
  const successorIsRoot = existing ? today$.parent(successorUnitId, effectiveDate) === null : !data.parentId;
  const seen = new Set<string>();
  const proposed = new Map<string, UnitTimeline>();
  mergedUnitIds.forEach((id, i) => {
    const path = `mergedUnitIds.${i}`;
    if (id === successorUnitId) refuse('merge_into_self', path, 'En enhet kan ikke slås sammen med seg selv');
    if (seen.has(id)) refuse('duplicate_unit', path, `Enheten «${id}» er nevnt to ganger`);
    seen.add(id);
    const unit = unitFactsOf(context.units, id);
    const timeline = timelineOf(unit);
    const planned = activeMerger(timeline);
    if ((unit?.exists && !unit.active) || (unit?.exists && planned))
      refuse(
        'unit_already_merged',
        path,
        `Enheten «${unit.name}» er allerede slått sammen med en annen enhet${planned ? ` (fra ${planned.effectiveDate})` : ''}`,
      );
    requireActiveUnit(context.units, id, path);
    const incoming = unit?.incomingMoves?.find((m) => m.effectiveDate >= effectiveDate);
    if (incoming)
      refuse(
        'would_orphan',
        path,
        `Enheten «${incoming.unitId}» skal flyttes inn under «${unit?.name ?? id}» fra ${incoming.effectiveDate}; annuller eller endre den flyttingen før sammenslåingen`,
      );
    const isRoot = today$.parent(id, effectiveDate) === null;
    if (isRoot ? !successorIsRoot : today$.root(id, effectiveDate) !== successorRoot)
      refuse(
        'merge_across_kommuner',
        path,
        isRoot
          ? `Enheten «${unit?.name ?? id}» er en kommune og kan bare slås sammen med en annen kommune`
          : `Enheten «${unit?.name ?? id}» og enheten det slås sammen til hører til ulike kommuner; et interkommunalt samarbeid registreres som en egen enhet`,
      );
    proposed.set(id, { ...timeline, mergers: [...timeline.mergers, { successorUnitId, effectiveDate, annulled: false }] });
  });
  if (existing) {
    const org = new ProposedOrganisation(context.units, proposed);
    refuseCycle(org, [successorUnitId], effectiveDate, 'merge_into_descendant', 'successorUnitId', 'En enhet kan ikke slås sammen med en av sine egne underenheter');
  }
  events.push(emit('UnitsMerged', { successorUnitId, mergedUnitIds, effectiveDate }));
  return events;
};

const annulUnitMove = ({ data, context }: AnnulUnitMove, state: UnitState): UnitEvent[] => {
  const unit = requireRegistered(state, data.unitId, osloDate(context.now));
  const timeline = timelineOfState(unit);
  const moves = [...timeline.moves];
  if (!annulMove(moves, data.effectiveDate))
    refuse('move_not_found', 'effectiveDate', `Enheten «${unit.name}» har ingen flytting med virkning fra ${data.effectiveDate}`);
  const org = new ProposedOrganisation(context.units, new Map([[data.unitId, { ...timeline, moves }]]));
  refuseCycle(org, [data.unitId], data.effectiveDate, 'move_into_descendant', 'effectiveDate', 'Flyttingen kan ikke annulleres');
  return [emit('UnitMoveAnnulled', { unitId: data.unitId, effectiveDate: data.effectiveDate, reason: data.reason })];
};

const annulUnitMerger = ({ data, context }: AnnulUnitMerger, state: UnitState): UnitEvent[] => {
  if (state.status === 'none') return refuse('unit_not_found', 'unitId', `Enheten «${data.unitId}» finnes ikke`);
  requireSameId(state.unitId, data.unitId, 'unitId');
  const timeline = timelineOfState(state);
  const mergers = [...timeline.mergers];
  if (!annulMerger(mergers, data.successorUnitId, data.effectiveDate))
    refuse(
      'merger_not_found',
      'effectiveDate',
      `Enheten «${state.name}» har ingen sammenslåing med «${data.successorUnitId}» med virkning fra ${data.effectiveDate}`,
    );
  const org = new ProposedOrganisation(context.units, new Map([[data.unitId, { ...timeline, mergers }]]));
  refuseCycle(org, [data.unitId], data.effectiveDate, 'move_into_descendant', 'effectiveDate', 'Sammenslåingen kan ikke annulleres');
  return [emit('UnitMergerAnnulled', data)];
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
      const unit = requireRegistered(state, unitId, osloDate(command.context.now));
      if (name.trim() === unit.name) return [];
      return [emit('UnitRenamed', { unitId, name, previousName: unit.name })];
    }
    case 'MoveUnit':
      return moveUnit(command, state);
    case 'AssignUnitLeader': {
      const { unitId, leader } = command.data;
      requireNotMerged(command.context.units, unitId);
      if (leader === requireRegistered(state, unitId, osloDate(command.context.now)).leader) return [];
      return [emit('UnitLeaderAssigned', { unitId, leader })];
    }
    case 'SetHourlyRate':
      requireNotMerged(command.context.units, command.data.unitId);
      requireRegistered(state, command.data.unitId, osloDate(command.context.now));
      return [emit('HourlyRateSet', command.data)];
    case 'MergeUnits':
      return mergeUnits(command, state);
    case 'MergeUnitInto': {
      const { unitId, successorUnitId, effectiveDate } = command.data;
      if (state.status === 'merged' && activeMerger(timelineOfState(state)))
        refuse('unit_already_merged', 'unitId', `Enheten «${state.name}» er allerede slått sammen med en annen enhet`);
      requireRegistered(state, unitId);
      if (successorUnitId === unitId) refuse('merge_into_self', 'successorUnitId', 'En enhet kan ikke slås sammen med seg selv');
      return [emit('UnitMergedInto', { unitId, successorUnitId, effectiveDate })];
    }
    case 'AnnulUnitMove':
      return annulUnitMove(command, state);
    case 'AnnulUnitMerger':
      return annulUnitMerger(command, state);
  }
};
