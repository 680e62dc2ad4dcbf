import type { UnitEvent } from '../../events';
import type { Decider } from '../decider';
import type { UnitCommand } from './commands';
import { decideUnit } from './decide';
import { evolveUnit, initialUnitState, type UnitState } from './state';

export * from './commands';
export * from './state';
export { decideUnit } from './decide';

export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  decide: decideUnit,
  evolve: evolveUnit,
  initialState: initialUnitState,
};
