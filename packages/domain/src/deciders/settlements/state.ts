import type { EventDataOf, SettlementEvent } from '../../events';

/** A settlement is recorded once; its stream holds nothing else. */
export type SettlementState = { status: 'none' } | { status: 'recorded'; settlement: EventDataOf<'SettlementRecorded'> };

export const initialSettlementState = (): SettlementState => ({ status: 'none' });

export const evolveSettlement = (_state: SettlementState, event: SettlementEvent): SettlementState => {
  switch (event.type) {
    case 'SettlementRecorded':
      return { status: 'recorded', settlement: event.data };
  }
};
