import { parseEvent } from '@gevinst/domain/events';
import type { EventStore, RecordedEvent } from '@gevinst/eventstore';
import { evolve, isRelevantEventType } from '../schedule/evolve';
import { initialState, type ReminderState } from '../schedule/state';

const fold = (state: ReminderState, events: readonly RecordedEvent[]): void => {
  for (const e of events) if (isRelevantEventType(e.type)) evolve(state, parseEvent(e));
};

/**
 * The state of one benefit as the store holds it right now (its stream, its project's, its unit's
 * and the units it merged into) — what the worker trusts at delivery time, not the scheduler's view.
 */
export const loadBenefitState = async (store: EventStore, benefitId: string): Promise<ReminderState> => {
  const state = initialState();
  fold(state, await store.readStream(`benefit-${benefitId}`));
  const benefit = state.benefits.get(benefitId);
  if (!benefit) return state;
  fold(state, await store.readStream(`project-${benefit.projectId}`));
  let unitId: string | null = benefit.recipientUnitId;
  for (let hops = 0; unitId && hops < 20 && !state.units.has(unitId); hops++) {
    fold(state, await store.readStream(`unit-${unitId}`));
    unitId = state.units.get(unitId)?.mergedInto ?? null;
  }
  return state;
};
