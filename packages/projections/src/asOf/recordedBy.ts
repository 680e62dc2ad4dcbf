import { recordedBy, type AsOf } from '@gevinst/domain/ledger';
import type { EventStore } from '@gevinst/eventstore';
import type { ProjectedEvent } from '../runner/projection';
import { upcastRecorded } from '../runner/upcast';

const PAGE = 10_000;

/**
 * Feeds `apply` every event the store had recorded by `asOf`, typed and in order: the one cut every
 * view of the past uses, so a report made later with the same `asOf` sees exactly what an earlier one
 * saw. Read page by page; events recorded after the cutoff are not even parsed.
 */
export async function foldRecordedBy(store: EventStore, asOf: AsOf, apply: (event: ProjectedEvent) => void): Promise<void> {
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const recorded of page) {
      if (!recordedBy(recorded, asOf)) continue;
      const event = upcastRecorded(recorded);
      if (event) apply(event);
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = last.globalPosition;
  }
}

/**
 * The last few folds of the past, by `asOf` and the store's version (which changes whenever an event is
 * appended: an event recorded with an earlier timestamp may still arrive). A fold that fails is forgotten.
 */
export class PastFolds<T> {
  private cache = new Map<string, Promise<T>>();

  constructor(
    private readonly fold: (asOf: AsOf) => Promise<T>,
    private readonly version: () => string,
    private readonly max: number,
  ) {}

  at(asOf: AsOf): Promise<T> {
    const key = `${asOf.instant}|${this.version()}`;
    let folded = this.cache.get(key);
    if (!folded) {
      folded = this.fold(asOf);
      if (this.cache.size >= this.max) this.cache.clear();
      this.cache.set(key, folded);
      folded.catch(() => this.cache.delete(key));
    }
    return folded;
  }
}
