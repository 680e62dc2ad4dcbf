import type { z } from 'zod';
import { decideOn, type StreamDecider } from '@gevinst/domain/deciders';
import type { BenefitsLookup, GoalsLookup, OwedLookup, PlannedBenefitsLookup, ProjectsLookup, UnitsLookup } from '@gevinst/domain/deciders';
import type { GevinstEvent, StreamCategory } from '@gevinst/domain/events';

/** What a decider needs besides the input: time and the live lookups of the read models. */
export interface CommandEnv {
  now: string;
  units: UnitsLookup;
  projects: ProjectsLookup;
  /** the planned benefits on each recipient unit (the double-counting guard) */
  plannedBenefits: PlannedBenefitsLookup;
  /** what a unit owes another by a period, from the ledger read model (the settlement cap) */
  owed: OwedLookup;
  /** the benefits, for the gevinstkart's benefit nodes */
  benefits: BenefitsLookup;
  /** the goals (a new goal's parent, a gevinstkart goal node) */
  goals: GoalsLookup;
}

/** A stream's state as one decider folded it (kept between commands by `StreamStates`). */
export interface Folded {
  /** the decider whose state this is: another decider's step folds from its own initial state */
  readonly decider: object;
  readonly state: unknown;
}

/** One step of a command: a decider command on one stream. */
export interface Step {
  streamName: string;
  /** folds the stream's events into the decider's state and decides the step's command on it */
  decide(events: readonly GevinstEvent[]): GevinstEvent[];
  /** whether `fold` goes on from `folded` (made by the same decider) rather than from the start */
  continues(folded: Folded): boolean;
  /** `events` (the stream's next ones) folded onto `from`, or onto the initial state when absent */
  fold(from: Folded | undefined, events: readonly GevinstEvent[]): Folded;
  /** decides the step's command on a state `fold` made */
  decideOn(folded: Folded): GevinstEvent[];
  /** refuse with 404 when the stream has no events yet */
  mustExist?: { what: string; id: string; path?: string };
  /**
   * a deterministic id for each event, when a process may write the same fact (see
   * `processes/completeMergers`): the second append of it, at the same revision, writes nothing
   */
  eventId?: (event: GevinstEvent) => string;
}

/** A step on `streamName`: `command` must be one of `decider`'s commands. */
export const stepOn = <State, Command, Event extends GevinstEvent>(
  decider: StreamDecider<State, Command, Event>,
  streamName: string,
  command: NoInfer<Command>,
  options: Pick<Step, 'mustExist' | 'eventId'> = {},
): Step => {
  const continues = (folded: Folded) => folded.decider === decider;
  // a Folded of this decider holds its State: `fold` below is the only place that makes one
  const stateOf = (folded: Folded | undefined): State => (folded && continues(folded) ? (folded.state as State) : decider.initialState());
  const fold = (from: Folded | undefined, events: readonly GevinstEvent[]): Folded => {
    let state = stateOf(from);
    for (const event of events) if (decider.isEvent(event)) state = decider.evolve(state, event);
    return { decider, state };
  };
  return {
    ...options,
    streamName,
    decide: (events) => decideOn(decider, command, events),
    continues,
    fold,
    decideOn: (folded) => decider.decide(command, stateOf(folded)),
  };
};

export interface StepArgs<Input> {
  /** the answer's id: new, or the target's */
  id: string;
  /** the id in the path; present whenever the spec has a `target` */
  targetId?: string | undefined;
  input: Input;
  env: CommandEnv;
}

/**
 * An application command: validated input in, one or more decider steps out. The first step's
 * stream carries the id and revision of the answer; `If-Match` applies to it. `steps` and `answerId`
 * are given the output of `input` (the application parses with it first), so any command fits
 * `CommandSpec<unknown>`, the registry's type.
 */
export interface CommandSpec<Input = unknown> {
  /** application command name, e.g. `registerUnit` */
  name: string;
  summary: string;
  input: z.ZodType<Input>;
  /** the id the answer names: a new one (`new:<category>`) or the target's */
  id: `new:${StreamCategory}` | 'target';
  /** the id the answer names when the input may name it (a merge into an existing unit) */
  answerId?(id: string, input: Input): string;
  /** the target must be a stream of this category (404 otherwise) */
  target?: { category: StreamCategory; what: string };
  steps(args: StepArgs<Input>): Step[];
}

/** A command whose `steps` see the input its schema gives. */
export const defineCommand = <Input>(spec: CommandSpec<Input>): CommandSpec<Input> => spec;

/**
 * Commands on the stream named in the path, each one decider command: `onTargetOf(benefitDecider,
 * benefitStream, …)` gives the benefit commands' builder, likewise for projects.
 */
export const onTargetOf =
  <State, Command, Event extends GevinstEvent>(
    decider: StreamDecider<State, Command, Event>,
    streamOf: (id: string) => string,
    target: { category: StreamCategory; what: string },
  ) =>
  <Input>(
    name: string,
    summary: string,
    input: z.ZodType<Input>,
    command: (targetId: string, input: Input, env: CommandEnv) => NoInfer<Command>,
  ): CommandSpec<Input> =>
    defineCommand({
      name,
      summary,
      input,
      id: 'target',
      target,
      steps: ({ id, input: value, env }) => [stepOn(decider, streamOf(id), command(id, value, env))],
    });
