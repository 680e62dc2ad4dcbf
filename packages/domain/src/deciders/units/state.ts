import type { UnitEvent } from '../../events';
import { annulMerger, annulMove, type TimedMerger, type TimedMove } from '../../ledger/timeline';

/** What a registered unit's stream says about it. */
export interface RegisteredUnit {
  unitId: string;
  name: string;
  parentId: string | null;
  orgNumber: string | null;
  leader: string | null;
  /** units merged into this one */
  absorbedUnitIds: string[];
  /** rate in øre per hour, by year */
  hourlyRates: Record<number, number>;
  /** the parent it was registered under, and its moves and mergers in valid time (annulled ones flagged) */
  registeredParentId: string | null;
  moves: TimedMove[];
  mergers: TimedMerger[];
}

/**
 * A unit's lifecycle: not registered, registered, or merged into another (UnitMergedInto: from the
 * merger's effective date on it takes no new facts; an annulled merger makes it registered again).
 */
export type UnitState =
  | { status: 'none' }
  | ({ status: 'registered' } & RegisteredUnit)
  | ({ status: 'merged'; mergedInto: string } & RegisteredUnit);

export const initialUnitState = (): UnitState => ({ status: 'none' });

export const evolveUnit = (state: UnitState, event: UnitEvent): UnitState => {
  if (event.type === 'UnitRegistered') {
    const { unitId, name, parentId, orgNumber, leader } = event.data;
    // a stream is registered once: its first event
    return {
      status: 'registered',
      unitId,
      name,
      parentId,
      orgNumber,
      leader,
      absorbedUnitIds: [],
      hourlyRates: {},
      registeredParentId: parentId,
      moves: [],
      mergers: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, name: event.data.name };
    case 'UnitMoved':
      return {
        ...state,
        parentId: event.data.newParentId,
        moves: [...state.moves, { newParentId: event.data.newParentId, effectiveDate: event.data.effectiveDate, annulled: false }],
      };
    case 'UnitMoveAnnulled': {
      const moves = [...state.moves];
      annulMove(moves, event.data.effectiveDate);
      return { ...state, moves };
    }
    case 'UnitMergerAnnulled': {
      const mergers = [...state.mergers];
      annulMerger(mergers, event.data.successorUnitId, event.data.effectiveDate);
      const { unitId, name, parentId, orgNumber, leader, absorbedUnitIds, hourlyRates, registeredParentId, moves } = state;
      return mergers.some((m) => !m.annulled)
        ? { ...state, mergers }
        : { status: 'registered', unitId, name, parentId, orgNumber, leader, absorbedUnitIds, hourlyRates, registeredParentId, moves, mergers };
    }
    case 'UnitLeaderAssigned':
      return { ...state, leader: event.data.leader };
    case 'HourlyRateSet':
      return { ...state, hourlyRates: { ...state.hourlyRates, [event.data.year]: event.data.rateOre } };
    case 'UnitsMerged':
      return { ...state, absorbedUnitIds: [...state.absorbedUnitIds, ...event.data.mergedUnitIds] };
    case 'UnitMergedInto':
      return {
        ...state,
        status: 'merged',
        mergedInto: event.data.successorUnitId,
        mergers: [...state.mergers, { successorUnitId: event.data.successorUnitId, effectiveDate: event.data.effectiveDate, annulled: false }],
      };
  }
};
