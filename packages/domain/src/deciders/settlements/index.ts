import { settlementEventSchemas, type SettlementEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { SettlementCommand } from './commands';
import { decideSettlement } from './decide';
import { evolveSettlement, initialSettlementState, type SettlementState } from './state';

export * from './commands';
export * from './state';
export { decideSettlement } from './decide';

export const settlementDecider: StreamDecider<SettlementState, SettlementCommand, SettlementEvent> = {
  decide: decideSettlement,
  evolve: evolveSettlement,
  isEvent: eventsOf(settlementEventSchemas),
  initialState: initialSettlementState,
};
