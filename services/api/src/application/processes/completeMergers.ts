import { decideOn } from '@gevinst/domain/deciders';
import { unitDecider } from '@gevinst/domain/deciders';
import { isEventType, parseEvent, schemaVersionOf, unitStream } from '@gevinst/domain/events';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent, type Subscription } from '@gevinst/eventstore';
import type { IncompleteMerger, ReadModels } from '@gevinst/projections';
import { v5 as uuidv5 } from 'uuid';

const MERGER_IDS = 'b0f7c1de-3f4a-5e6b-9c8d-1a2b3c4d5e6f';

/** who records the facts this process writes (metadata `userId`) */
export const MERGER_PROCESS_USER = 'gevinst-api/completeMergers';

/**
 * The id of a unit's `UnitMergedInto`: the same for the merge command and this process (and for two
 * API instances), so whichever appends second, with the same expected revision, writes nothing new.
 */
export const unitMergedIntoEventId = (unitId: string, successorUnitId: string): string =>
  uuidv5(`UnitMergedInto/${unitId}/${successorUnitId}`, MERGER_IDS);

export type MergerOutcome = 'written' | 'already_recorded' | 'merged_elsewhere' | 'no_unit';

/**
 * Appends the `UnitMergedInto` a merged unit's stream lacks, decided by the unit decider on the
 * stream as it stands and appended with its revision (a concurrent writer makes us read again).
 */
export async function completeMerger(store: EventStore, merger: IncompleteMerger, now: string): Promise<MergerOutcome> {
  const { unitId, successorUnitId, effectiveDate } = merger;
  const streamName = unitStream(unitId);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamName);
    if (recorded.length === 0) return 'no_unit';
    const stream = recorded.filter((e) => isEventType(e.type)).map((e) => parseEvent(e));
    const done = stream.find((e) => e.type === 'UnitMergedInto');
    if (done) return done.data.successorUnitId === successorUnitId ? 'already_recorded' : 'merged_elsewhere';
    const events = decideOn(unitDecider, { type: 'MergeUnitInto', data: { unitId, successorUnitId, effectiveDate }, context: { now } }, stream);
    try {
      await store.appendToStream(
        streamName,
        events.map((e) => ({
          id: unitMergedIntoEventId(unitId, successorUnitId),
          type: e.type,
          data: e.data,
          metadata: {
            userId: MERGER_PROCESS_USER,
            recordedAt: now,
            correlationId: merger.correlationId ?? merger.mergedEventId,
            causationId: merger.mergedEventId,
            schemaVersion: schemaVersionOf(e.type),
          },
        })),
        { expectedRevision: recorded.at(-1)?.revision ?? 'no_stream' },
      );
      return 'written';
    } catch (error) {
      // someone wrote to the unit in between: read again (it may be our fact); give up after a few tries
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= 10) throw error;
    }
  }
}

/** the incomplete mergers one `UnitsMerged` may leave: every unit it names */
const mergersOf = (recorded: RecordedEvent): IncompleteMerger[] => {
  const event = parseEvent(recorded);
  if (event.type !== 'UnitsMerged') return [];
  const { successorUnitId, mergedUnitIds, effectiveDate } = event.data;
  return mergedUnitIds.map((unitId) => ({
    unitId,
    successorUnitId,
    effectiveDate,
    mergedEventId: event.id,
    correlationId: event.metadata.correlationId ?? null,
  }));
};

export interface CompleteMergersDeps {
  store: EventStore;
  readModels: ReadModels;
  clock?: () => string;
  /**
   * `recovered`: found at start, left by a crash (worth telling an operator); otherwise completed
   * while following, usually just ahead of the merge command that would have written the same fact.
   */
  onWritten?: (merger: IncompleteMerger, recovered: boolean) => void;
  onError?: (error: unknown, merger?: IncompleteMerger) => void;
}

/**
 * Process manager: a merger is `UnitsMerged` on the successor's stream and then `UnitMergedInto` on
 * each merged unit's stream, separate appends, so a crash in between leaves it half-recorded. At
 * start it completes what the units read model reports as incomplete, then follows the unit streams
 * and completes each new `UnitsMerged` (the merge command usually has by then: nothing is written).
 */
export class CompleteMergers {
  private subscription: Subscription | undefined;
  private readonly clock: () => string;

  constructor(private readonly deps: CompleteMergersDeps) {
    this.clock = deps.clock ?? (() => new Date().toISOString());
  }

  /** completes every incomplete merger the read models know of, then follows new ones; resolves when the first pass is done */
  async start(): Promise<void> {
    const { readModels, store } = this.deps;
    // read together, in one tick: the subscription starts where the read models' picture ends
    const pending = readModels.units.incompleteMergers();
    const after = readModels.runner.position;
    this.subscription = store.subscribe({
      after,
      category: 'unit',
      handle: async (events) => {
        for (const event of events) if (event.type === 'UnitsMerged') await this.completeAll(mergersOf(event), false);
      },
    });
    this.subscription.done.catch((error) => this.deps.onError?.(error));
    await this.completeAll(pending, true);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private async completeAll(mergers: IncompleteMerger[], recovered: boolean): Promise<void> {
    for (const merger of mergers) {
      try {
        const outcome = await completeMerger(this.deps.store, merger, this.clock());
        if (outcome === 'written') this.deps.onWritten?.(merger, recovered);
        else if (outcome === 'merged_elsewhere' || outcome === 'no_unit')
          this.deps.onError?.(new Error(`merger into ${merger.successorUnitId}: unit ${merger.unitId} ${outcome}`), merger);
      } catch (error) {
        // a refused or failed completion must not stop the subscription; the next start tries again
        this.deps.onError?.(error, merger);
      }
    }
  }
}
