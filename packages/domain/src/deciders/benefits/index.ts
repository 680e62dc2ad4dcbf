import type { BenefitEvent } from '../../events';
import type { Decider } from '../decider';
import type { BenefitCommand } from './commands';
import { decideBenefit } from './decide';
import { evolveBenefit, initialBenefitState, type BenefitState } from './state';

export * from './commands';
export * from './state';
export { decideBenefit } from './decide';

export const benefitDecider: Decider<BenefitState, BenefitCommand, BenefitEvent> = {
  decide: decideBenefit,
  evolve: evolveBenefit,
  initialState: initialBenefitState,
};
