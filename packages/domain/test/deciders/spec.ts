import { expect } from 'vitest';
import { DomainError, validateEvent, type EventType } from '../../src';
import type { Decider } from '../../src/deciders/decider';

type AnyEvent = { type: string; data: unknown };

/**
 * given(events).when(command).then(events) / .thenThrows(code, fieldPath) — like Emmett's
 * DeciderSpecification. `then` also checks that every produced event passes its schema and folds.
 */
export const specFor = <State, Command, Event extends AnyEvent>(decider: Decider<State, Command, Event>) => ({
  given: (events: Event[] = []) => ({
    when: (command: Command) => {
      const run = (): Event[] => {
        let state = decider.initialState();
        for (const event of events) state = decider.evolve(state, event);
        return decider.decide(command, state);
      };
      return {
        then: (expected: Event[]): Event[] => {
          const produced = run();
          expect(produced).toEqual(expected);
          for (const event of produced) expect(validateEvent(event.type as EventType, event.data)).toEqual(event.data);
          [...events, ...produced].reduce(decider.evolve, decider.initialState());
          return produced;
        },
        thenNothing: (): void => {
          expect(run()).toEqual([]);
        },
        thenThrows: (code: string, fieldPath?: string): DomainError => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, 'expected a DomainError').toBeInstanceOf(DomainError);
          const error = thrown as DomainError;
          expect({ code: error.code, message: error.message.length > 0 }).toEqual({ code, message: true });
          if (fieldPath !== undefined) {
            expect(error.fields.map((f) => f.path)).toContain(fieldPath);
            for (const field of error.fields) expect(field.message.length).toBeGreaterThan(0);
          }
          return error;
        },
      };
    },
  }),
});
