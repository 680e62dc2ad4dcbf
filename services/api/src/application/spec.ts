import type { z } from 'zod';
import type { StreamCategory } from '@gevinst/domain/events/index';

/** What a decider needs besides the input: time and the live lookups of the read models. */
export interface CommandEnv {
  now: string;
  units: import('@gevinst/domain/deciders/context').UnitsLookup;
  projects: import('@gevinst/domain/deciders/context').ProjectsLookup;
}

export interface DeciderLike {
  decide(command: any, state: any): { type: string; data: Record<string, unknown> }[];
  evolve(state: any, event: any): any;
  initialState(): any;
}

/** One step of a command: a decider command on one stream. */
export interface Step {
  streamName: string;
  decider: DeciderLike;
  command: { type: string; data: Record<string, unknown>; context: unknown };
  /** refuse with 404 when the stream has no events yet */
  mustExist?: { what: string; id: string; path?: string };
  /**
   * a deterministic id for each event, when a process may write the same fact (see
   * `processes/completeMergers`): the second append of it, at the same revision, writes nothing
   */
  eventId?: (event: { type: string; data: Record<string, unknown> }) => string;
}

/**
 * An application command: validated input in, one or more decider steps out. The first step's
 * stream carries the id and revision of the answer; `If-Match` applies to it.
 */
export interface CommandSpec<Input = any> {
  /** application command name, e.g. `registerUnit` */
  name: string;
  summary: string;
  input: z.ZodType<Input>;
  /** the id the answer names: a new one (`new:<category>`) or the target's */
  id: `new:${StreamCategory}` | 'target';
  /** the id the answer names when the input may name it (a merge into an existing unit) */
  answerId?: (id: string, input: Input) => string;
  /** the target must be a stream of this category (404 otherwise) */
  target?: { category: StreamCategory; what: string };
  steps(args: { id: string; targetId?: string; input: Input; env: CommandEnv }): Step[];
}
