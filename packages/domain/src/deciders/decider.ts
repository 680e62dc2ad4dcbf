import type { EventType, GevinstEvent } from '../events';

/** Emmett-style decider: pure functions over one stream. */
export interface Decider<State, Command, Event> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** A decider of one stream category: it also tells its own events from the rest of the catalogue. */
export interface StreamDecider<State, Command, Event extends GevinstEvent> extends Decider<State, Command, Event> {
  isEvent: (event: GevinstEvent) => event is Event;
}

/** A command: what a user asks for, plus the facts from outside the stream it needs (`context`). */
export type Command<Type extends string, Data, Context> = Readonly<{ type: Type; data: Data; context: Context }>;

/** The guard for the events whose types are the keys of a category's schemas (e.g. `benefitEventSchemas`). */
export const eventsOf =
  <Types extends EventType>(schemas: Readonly<Record<Types, unknown>>) =>
  (event: GevinstEvent): event is Extract<GevinstEvent, { type: Types }> =>
    Object.hasOwn(schemas, event.type);

/** Folds events (e.g. a stream read from the store, after `parseEvent`) into the decider's state. */
export const foldEvents = <State, Event>(
  decider: Pick<Decider<State, never, Event>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
  state: State = decider.initialState(),
): State => {
  let folded = state;
  for (const event of events) folded = decider.evolve(folded, event);
  return folded;
};

/** Folds a stream's events (other categories' are left out) and decides the command on the state. */
export const decideOn = <State, Command, Event extends GevinstEvent>(
  decider: StreamDecider<State, Command, Event>,
  command: Command,
  events: Iterable<GevinstEvent>,
): Event[] => {
  let state = decider.initialState();
  for (const event of events) if (decider.isEvent(event)) state = decider.evolve(state, event);
  return decider.decide(command, state);
};
