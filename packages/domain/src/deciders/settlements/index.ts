import type { SettlementEvent } from '../../events';
import type { Decider } from '../decider';
import type { SettlementCommand } from './commands';
import { decideSettlement } from './decide';
import { evolveSettlement, initialSettlementState, type SettlementState } from './state';

export * from './commands';
export * from './state';
export { decideSettlement } from './decide';

export const settlementDecider: Decider<SettlementState, SettlementCommand, SettlementEvent> = {
  decide: decideSettlement,
  evolve: evolveSettlement,
  initialState: initialSettlementState,
};
