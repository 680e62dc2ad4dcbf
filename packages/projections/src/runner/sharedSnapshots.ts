import type Database from 'better-sqlite3';
import { quoteIdentifier, type PostgresQuery } from '@gevinst/eventstore';

interface LocalSnapshot {
  name: string;
  version: string;
  position: string;
  state: Buffer;
}

/**
 * The read models of every instance on one PostgreSQL, kept in PostgreSQL too: an instance stores its
 * snapshots in its own SQLite file as before (the runner stays synchronous), copies them to the shared
 * table after each store (`push`), and at start takes from the shared table any snapshot newer than its
 * own (`pull`). A new instance, or one whose file was lost, so resumes where the furthest instance
 * stored, rather than from the first event. Only a newer position replaces an older one, whichever
 * instance writes first.
 */
export class SharedSnapshots {
  private pushing: Promise<void> = Promise.resolve();

  private readonly table: string;

  /** `schema`: the PostgreSQL schema the events live in (the table is created there) */
  constructor(
    private readonly db: Database.Database,
    private readonly query: PostgresQuery,
    schema = 'public',
  ) {
    this.table = `${quoteIdentifier(schema)}.gevinst_projection_snapshots`;
  }

  async ensureTable(): Promise<void> {
    await this.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      name text PRIMARY KEY,
      version text NOT NULL,
      position bigint NOT NULL,
      state bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  /** Copies every shared snapshot newer than this instance's own into its file (with its checkpoint); answers how many. */
  async pull(): Promise<number> {
    await this.ensureTable();
    const { rows } = await this.query(`SELECT name, version, position::text AS position, state FROM ${this.table}`);
    const local = new Map(
      this.db
        .prepare<[], { name: string; position: string }>('SELECT name, position FROM projection_snapshots')
        .all()
        .map((r) => [r.name, BigInt(r.position)]),
    );
    const newer = rows.filter((r) => {
      const mine = local.get(String(r.name));
      return mine === undefined || BigInt(String(r.position)) > mine;
    });
    const now = new Date().toISOString();
    const upsertSnapshot = this.db.prepare(
      `INSERT INTO projection_snapshots (name, version, position, state, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, updated_at = excluded.updated_at`,
    );
    const upsertCheckpoint = this.db.prepare(
      `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const r of newer) {
        upsertSnapshot.run(String(r.name), String(r.version), String(r.position), r.state, now);
        upsertCheckpoint.run(String(r.name), String(r.position), now);
      }
    })();
    return newer.length;
  }

  /** Copies this instance's snapshots to the shared table where they are newer; one copy at a time. */
  push(): Promise<void> {
    const rows = this.db.prepare<[], LocalSnapshot>('SELECT name, version, position, state FROM projection_snapshots').all();
    const run = this.pushing.then(async () => {
      for (const r of rows)
        await this.query(
          `INSERT INTO ${this.table} AS s (name, version, position, state, updated_at) VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, updated_at = now()
           WHERE s.position < excluded.position`,
          [r.name, r.version, r.position, r.state],
        );
    });
    this.pushing = run.catch(() => undefined);
    return run;
  }
}
