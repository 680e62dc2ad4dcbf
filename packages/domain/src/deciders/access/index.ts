import type { AccessEvent } from '../../events';
import type { Decider } from '../decider';
import type { AccessCommand } from './commands';
import { decideAccess } from './decide';
import { evolveAccess, initialAccessState, type AccessState } from './state';

export * from './commands';
export * from './state';
export { decideAccess } from './decide';

export const accessDecider: Decider<AccessState, AccessCommand, AccessEvent> = {
  decide: decideAccess,
  evolve: evolveAccess,
  initialState: initialAccessState,
};
