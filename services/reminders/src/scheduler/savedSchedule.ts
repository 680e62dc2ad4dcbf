import type { SqliteEventStore } from '@gevinst/eventstore';
import type { BenefitState, ProjectState, ReminderRecord, ReminderState, UnitState } from '../schedule/state';
import { initialState, ownerIndexOf } from '../schedule/state';

/**
 * Bump when `ReminderState` or its encoding changes: a saved schedule of another version is thrown
 * away, the state is folded again from the first event and every reminder planned again.
 */
export const SCHEDULE_VERSION = 1;

/** The scheduler's read model as it was saved: the state, the position it reflects, and when each benefit last changed. */
export interface SavedSchedule {
  state: ReminderState;
  /** the global position of the last event the state reflects */
  position: bigint;
  /** benefit id → position of the last benefit event that changed its reminders */
  touched: Map<string, bigint>;
  /** `configFingerprint` of the config its reminders were last planned with */
  fingerprint: string;
}

/** What changed since the last save (ids; an id no longer in the state is deleted). */
export interface ScheduleChanges {
  benefits: Set<string>;
  projects: Set<string>;
  units: Set<string>;
}

export const noChanges = (): ScheduleChanges => ({ benefits: new Set(), projects: new Set(), units: new Set() });
export const changeCount = (c: ScheduleChanges): number => c.benefits.size + c.projects.size + c.units.size;

/** Where the scheduler keeps its read model; the state, its position and the fingerprint are saved together or not at all. */
export interface ScheduleStore {
  load(): SavedSchedule | undefined;
  save(state: ReminderState, changes: ScheduleChanges, touched: ReadonlyMap<string, bigint>, position: bigint, fingerprint: string): void;
}

type Row = { kind: 'benefit' | 'orphan' | 'project' | 'unit'; id: string; touched: bigint | null; body: string };

interface BenefitJson extends Omit<BenefitState, 'realised' | 'measured' | 'knownSince' | 'reminders'> {
  realised: string[];
  measured: string[];
  knownSince: [string, string][];
  reminders: [string, ReminderRecord][];
}

const encodeBenefit = (b: BenefitState): string =>
  JSON.stringify({ ...b, realised: [...b.realised], measured: [...b.measured], knownSince: [...b.knownSince], reminders: [...b.reminders] } satisfies BenefitJson);

const decodeBenefit = (body: string): BenefitState => {
  const b = JSON.parse(body) as BenefitJson;
  return { ...b, realised: new Set(b.realised), measured: new Set(b.measured), knownSince: new Map(b.knownSince), reminders: new Map(b.reminders) };
};

/**
 * The schedule in tables of its own in the event store's SQLite file, written through the store's
 * one connection in one transaction per save (only the entries that changed, and the position).
 */
export const sqliteScheduleStore = (db: SqliteEventStore['db']): ScheduleStore => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS reminder_schedule (
      kind TEXT NOT NULL, id TEXT NOT NULL, touched INTEGER, body TEXT NOT NULL, PRIMARY KEY (kind, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS reminder_schedule_meta (
      one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL, position INTEGER NOT NULL, fingerprint TEXT NOT NULL
    );
  `);
  const selectMeta = db.prepare<[], { version: bigint; position: bigint; fingerprint: string }>('SELECT version, position, fingerprint FROM reminder_schedule_meta').safeIntegers(true);
  const selectRows = db.prepare<[], Row>('SELECT kind, id, touched, body FROM reminder_schedule').safeIntegers(true);
  const upsertRow = db.prepare<[string, string, bigint | null, string]>(
    'INSERT INTO reminder_schedule (kind, id, touched, body) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET touched = excluded.touched, body = excluded.body',
  );
  const deleteRow = db.prepare<[string, string]>('DELETE FROM reminder_schedule WHERE kind = ? AND id = ?');
  const upsertMeta = db.prepare<[number, bigint, string]>(
    'INSERT INTO reminder_schedule_meta (one, version, position, fingerprint) VALUES (1, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET version = excluded.version, position = excluded.position, fingerprint = excluded.fingerprint',
  );
  const clear = db.transaction(() => {
    db.exec('DELETE FROM reminder_schedule; DELETE FROM reminder_schedule_meta');
  });

  const write = <T>(kind: Row['kind'], id: string, value: T | undefined, encode: (v: T) => string, touched: bigint | null = null) => {
    if (value === undefined) deleteRow.run(kind, id);
    else upsertRow.run(kind, id, touched, encode(value));
  };

  const save = db.transaction((state: ReminderState, changes: ScheduleChanges, touched: ReadonlyMap<string, bigint>, position: bigint, fingerprint: string) => {
    for (const id of changes.benefits) {
      write('benefit', id, state.benefits.get(id), encodeBenefit, touched.get(id) ?? null);
      write('orphan', id, state.orphanReminders.get(id), (records) => JSON.stringify([...records]));
    }
    for (const id of changes.projects) write('project', id, state.projects.get(id), (p) => JSON.stringify(p));
    for (const id of changes.units) write('unit', id, state.units.get(id), (u) => JSON.stringify(u));
    upsertMeta.run(SCHEDULE_VERSION, position, fingerprint);
  });

  return {
    load() {
      const meta = selectMeta.get();
      if (!meta) return undefined;
      if (Number(meta.version) !== SCHEDULE_VERSION) {
        clear();
        return undefined;
      }
      const state = initialState();
      const touched = new Map<string, bigint>();
      for (const row of selectRows.iterate()) {
        if (row.kind === 'benefit') {
          state.benefits.set(row.id, decodeBenefit(row.body));
          if (row.touched !== null) touched.set(row.id, row.touched);
        } else if (row.kind === 'orphan') state.orphanReminders.set(row.id, new Map(JSON.parse(row.body) as [string, ReminderRecord][]));
        else if (row.kind === 'project') state.projects.set(row.id, JSON.parse(row.body) as ProjectState);
        else state.units.set(row.id, JSON.parse(row.body) as UnitState);
      }
      state.benefitsByOwner = ownerIndexOf(state.benefits);
      return { state, position: meta.position, touched, fingerprint: meta.fingerprint };
    },
    save(state, changes, touched, position, fingerprint) {
      save(state, changes, touched, position, fingerprint);
    },
  };
};
