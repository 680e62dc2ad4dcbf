import { benefitMapEventSchemas, type BenefitMapEvent } from '../../events';
import { eventsOf, type StreamDecider } from '../decider';
import type { BenefitMapCommand } from './commands';
import { decideBenefitMap } from './decide';
import { evolveBenefitMap, initialBenefitMapState, type BenefitMapState } from './state';

export * from './commands';
export * from './state';
export { decideBenefitMap, BenefitMapConflictError, mapNodeKindLabels } from './decide';

export const benefitMapDecider: StreamDecider<BenefitMapState, BenefitMapCommand, BenefitMapEvent> = {
  decide: decideBenefitMap,
  evolve: evolveBenefitMap,
  isEvent: eventsOf(benefitMapEventSchemas),
  initialState: initialBenefitMapState,
};
