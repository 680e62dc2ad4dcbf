import type { UnitEvent } from '../../events';

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
}

/** A unit's lifecycle: not registered, registered, or merged into another (UnitMergedInto: it takes no new facts). */
export type UnitState =
  | { status: 'none' }
  | ({ status: 'registered' } & RegisteredUnit)
  | ({ status: 'merged'; mergedInto: string } & RegisteredUnit);

export const initialUnitState = (): UnitState => ({ status: 'none' });

export const evolveUnit = (state: UnitState, event: UnitEvent): UnitState => {
  if (event.type === 'UnitRegistered') {
    const { unitId, name, parentId, orgNumber, leader } = event.data;
    // a stream is registered once: its first event
    return { status: 'registered', unitId, name, parentId, orgNumber, leader, absorbedUnitIds: [], hourlyRates: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, name: event.data.name };
    case 'UnitMoved':
      return { ...state, parentId: event.data.newParentId };
    case 'UnitLeaderAssigned':
      return { ...state, leader: event.data.leader };
    case 'HourlyRateSet':
      return { ...state, hourlyRates: { ...state.hourlyRates, [event.data.year]: event.data.rateOre } };
    case 'UnitsMerged':
      return { ...state, absorbedUnitIds: [...state.absorbedUnitIds, ...event.data.mergedUnitIds] };
    case 'UnitMergedInto':
      return { ...state, status: 'merged', mergedInto: event.data.successorUnitId };
  }
};
