import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '@gevinst/domain/events';
import { reminderConfig } from '../src/config';
import { dueItemsOf, dueList } from '../src/schedule/dueList';
import { evolveAll, type ReminderInputEvent } from '../src/schedule/evolve';
import { initialState, type ReminderState } from '../src/schedule/state';
import { noChanges, sqliteScheduleStore } from '../src/scheduler/savedSchedule';
import { BENEFITS, benefitId, type Fact, fact, org, plannedOnce, at } from './support/history';
import { openHarness } from './support/harness';

const config = reminderConfig();

/** New owners in other spellings: the due list matches owners without regard to case. */
const reassigned: fc.Arbitrary<Fact> = fc.record({ b: benefitId, owner: fc.constantFrom('Eier1@Kommune.no', 'EIER-B2@kommune.no', 'eier-b3@kommune.no'), at }).map(({ b, owner, at }) => ({
  stream: `benefit-${b}`, type: 'BenefitOwnerAssigned', at, data: { benefitId: b, owner, previousOwner: 'x@kommune.no' },
}));

const OWNERS = ['eier1@kommune.no', ' EIER1@kommune.no ', 'eier2@kommune.no', 'eier3@kommune.no', ...BENEFITS.map((b) => `eier-${b}@kommune.no`), 'ingen@kommune.no'];
const DAYS = ['2026-01-10', '2026-05-14', '2026-06-01', '2026-09-20', '2027-02-01'];

const fold = (facts: Fact[]): ReminderState =>
  evolveAll(initialState(), facts.map((f): ReminderInputEvent => ({ ...parseEvent({ type: f.type, data: f.data }), metadata: { recordedAt: f.at, userId: 'test' } })));

/** Every benefit looked at, the owner matched as `dueList` matches it. */
const fullScan = (state: ReminderState, owner: string, day: string) =>
  dueItemsOf(state, [...state.benefits.values()].filter((b) => b.owner.toLowerCase() === owner.trim().toLowerCase()), day, config);

describe('the due list of one owner', () => {
  it('equals a scan of every benefit, also from a saved schedule', async () => {
    const h = openHarness();
    try {
      const store = sqliteScheduleStore(h.store.db);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof({ weight: 5, arbitrary: fact }, { weight: 2, arbitrary: reassigned }), { minLength: 1, maxLength: 40 }), async (facts) => {
          const state = fold([...org, ...plannedOnce(facts)]);
          const changes = noChanges();
          for (const id of BENEFITS) changes.benefits.add(id);
          changes.projects.add('p1');
          store.save(state, changes, new Map(), 1n, 'test');
          const loaded = store.load()?.state;
          for (const owner of OWNERS)
            for (const day of DAYS) {
              const expected = fullScan(state, owner, day);
              expect(dueList(state, owner, day, config)).toEqual(expected);
              expect(loaded && dueList(loaded, owner, day, config)).toEqual(expected);
            }
        }),
        { numRuns: 150 },
      );
    } finally {
      await h.close();
    }
  });
});
