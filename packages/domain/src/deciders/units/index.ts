import { unitEventSchemas, type UnitEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { UnitCommand } from './commands';
import { decideUnit } from './decide';
import { evolveUnit, initialUnitState, type UnitState } from './state';

export * from './commands';
export * from './state';
export { decideUnit } from './decide';

export const unitDecider: StreamDecider<UnitState, UnitCommand, UnitEvent> = {
  decide: decideUnit,
  evolve: evolveUnit,
  isEvent: eventsOf(unitEventSchemas),
  initialState: initialUnitState,
};
