import { accessEventSchemas, type AccessEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { AccessCommand } from './commands';
import { decideAccess } from './decide';
import { evolveAccess, initialAccessState, type AccessState } from './state';

export * from './commands';
export * from './state';
export { decideAccess } from './decide';

export const accessDecider: StreamDecider<AccessState, AccessCommand, AccessEvent> = {
  decide: decideAccess,
  evolve: evolveAccess,
  isEvent: eventsOf(accessEventSchemas),
  initialState: initialAccessState,
};
