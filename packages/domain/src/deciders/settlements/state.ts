import type { EventDataOf, SettlementEvent } from '../../events';

export interface SettlementState {
  settlement: EventDataOf<'SettlementRecorded'> | null;
}

export const initialSettlementState = (): SettlementState => ({ settlement: null });

export const evolveSettlement = (state: SettlementState, event: SettlementEvent): SettlementState => {
  switch (event.type) {
    case 'SettlementRecorded':
      return { ...state, settlement: event.data };
  }
};
