import { benefitEventSchemas, type BenefitEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { BenefitCommand } from './commands';
import { decideBenefit } from './decide';
import { evolveBenefit, initialBenefitState, type BenefitState } from './state';

export * from './commands';
export * from './state';
export { decideBenefit } from './decide';
export * from './overlap';
export { actionStatusLabels } from './actions';

export const benefitDecider: StreamDecider<BenefitState, BenefitCommand, BenefitEvent> = {
  decide: decideBenefit,
  evolve: evolveBenefit,
  isEvent: eventsOf(benefitEventSchemas),
  initialState: initialBenefitState,
};
