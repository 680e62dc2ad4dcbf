/** Emmett-style decider: pure functions over one stream. */
export interface Decider<State, Command, Event> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** A command: what a user asks for, plus the facts from outside the stream it needs (`context`). */
export type Command<Type extends string, Data, Context> = Readonly<{ type: Type; data: Data; context: Context }>;

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
