import type { UnitEvent } from '../../events';

export interface UnitState {
  registered: boolean;
  unitId: string | null;
  name: string | null;
  parentId: string | null;
  orgNumber: string | null;
  leader: string | null;
  /** set by UnitMergedInto: the unit takes no new facts */
  mergedInto: string | null;
  /** units merged into this one */
  absorbedUnitIds: string[];
  /** rate in øre per hour, by year */
  hourlyRates: Record<number, number>;
}

export const initialUnitState = (): UnitState => ({
  registered: false,
  unitId: null,
  name: null,
  parentId: null,
  orgNumber: null,
  leader: null,
  mergedInto: null,
  absorbedUnitIds: [],
  hourlyRates: {},
});

export const evolveUnit = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case 'UnitRegistered': {
      const { unitId, name, parentId, orgNumber, leader } = event.data;
      return { ...state, registered: true, unitId, name, parentId, orgNumber, leader };
    }
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
      return { ...state, mergedInto: event.data.successorUnitId };
  }
};
