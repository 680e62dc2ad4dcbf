import type { EventStore } from '@gevinst/eventstore/port';
import { evolve } from '../schedule/evolve';
import { initialState, type ReminderState } from '../schedule/state';

/**
 * The state of one benefit as the store holds it right now (its stream, its project's, its unit's
 * and the units it merged into) — what the worker trusts at delivery time, not the scheduler's view.
 */
export const loadBenefitState = async (store: EventStore, benefitId: string): Promise<ReminderState> => {
  const state = initialState();
  for (const e of await store.readStream(`benefit-${benefitId}`)) evolve(state, e);
  const benefit = state.benefits.get(benefitId);
  if (!benefit) return state;
  for (const e of await store.readStream(`project-${benefit.projectId}`)) evolve(state, e);
  let unitId: string | null = benefit.recipientUnitId;
  for (let hops = 0; unitId && hops < 20 && !state.units.has(unitId); hops++) {
    for (const e of await store.readStream(`unit-${unitId}`)) evolve(state, e);
    unitId = state.units.get(unitId)?.mergedInto ?? null;
  }
  return state;
};
