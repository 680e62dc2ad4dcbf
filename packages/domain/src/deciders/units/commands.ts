import type { Command } from '../decider';
import type { TimeContext, UnitsContext } from '../context';
import type { EventInputOf } from '../../events';

export type RegisterUnit = Command<
  'RegisterUnit',
  { unitId: string; name: string; parentId?: string | null; orgNumber?: string | null; leader?: string | null },
  UnitsContext
>;
export type RenameUnit = Command<'RenameUnit', { unitId: string; name: string }, UnitsContext>;
/** `effectiveDate` defaults to today in Oslo. */
export type MoveUnit = Command<'MoveUnit', { unitId: string; newParentId: string | null; effectiveDate?: string }, UnitsContext>;
export type AssignUnitLeader = Command<'AssignUnitLeader', { unitId: string; leader: string }, UnitsContext>;
export type SetHourlyRate = Command<'SetHourlyRate', EventInputOf<'HourlyRateSet'>, UnitsContext>;
/**
 * On the successor's stream. A successor that does not exist yet is registered on the way when
 * `successorName` is given (kommunesammenslåing into a new kommune).
 */
export type MergeUnits = Command<
  'MergeUnits',
  { successorUnitId: string; mergedUnitIds: string[]; effectiveDate: string; successorName?: string; parentId?: string | null },
  UnitsContext
>;
/** On each merged unit's stream. */
export type MergeUnitInto = Command<'MergeUnitInto', { unitId: string; successorUnitId: string; effectiveDate: string }, TimeContext>;

/** Annuls the unit's move with this effective date (a correction is an annulment and a new move). */
export type AnnulUnitMove = Command<'AnnulUnitMove', { unitId: string; effectiveDate: string; reason: string }, UnitsContext>;
/** On the merged unit's stream: annuls its merger into `successorUnitId` at `effectiveDate`. */
export type AnnulUnitMerger = Command<
  'AnnulUnitMerger',
  { unitId: string; successorUnitId: string; effectiveDate: string; reason: string },
  UnitsContext
>;

export type UnitCommand =
  | RegisterUnit
  | RenameUnit
  | MoveUnit
  | AssignUnitLeader
  | SetHourlyRate
  | MergeUnits
  | MergeUnitInto
  | AnnulUnitMove
  | AnnulUnitMerger;
