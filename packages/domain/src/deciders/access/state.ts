import type { AccessEvent, EventDataOf } from '../../events';

/** A grant's lifecycle: not yet granted, in force, or revoked (for good; a new grant is a new stream). */
export type AccessState =
  | { status: 'none' }
  | { status: 'granted'; grant: EventDataOf<'RoleGranted'> }
  | { status: 'revoked'; grant: EventDataOf<'RoleGranted'> };

export const initialAccessState = (): AccessState => ({ status: 'none' });

export const evolveAccess = (state: AccessState, event: AccessEvent): AccessState => {
  switch (event.type) {
    case 'RoleGranted':
      return { status: 'granted', grant: event.data };
    case 'RoleRevoked':
      return state.status === 'none' ? state : { status: 'revoked', grant: state.grant };
  }
};
