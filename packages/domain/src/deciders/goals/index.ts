import { goalEventSchemas, type GoalEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { GoalCommand } from './commands';
import { decideGoal } from './decide';
import { evolveGoal, initialGoalState, type GoalState } from './state';

export * from './commands';
export * from './state';
export { decideGoal } from './decide';

export const goalDecider: StreamDecider<GoalState, GoalCommand, GoalEvent> = {
  decide: decideGoal,
  evolve: evolveGoal,
  isEvent: eventsOf(goalEventSchemas),
  initialState: initialGoalState,
};
