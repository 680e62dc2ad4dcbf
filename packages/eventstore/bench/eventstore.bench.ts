/**
 * pnpm bench:eventstore — append and read throughput of Gevinst's SQLite event store beside Emmett's
 * SQLite store (the peer) and raw better-sqlite3 at synchronous=NORMAL and FULL (the practical limit at
 * each durability), and of Gevinst's PostgreSQL store beside Emmett's PostgreSQL store
 * (`@event-driven-io/emmett-postgresql`, a devDependency) on one loopback server, on the same generated
 * events, in one process. PostgreSQL is found or made as in the tests (test/fixtures/postgres.ts:
 * GEVINST_TEST_PG_URL, else a throw-away database on 127.0.0.1:5432, else a throw-away cluster);
 * the two PostgreSQL stores take turns for BENCH_PG_ROUNDS rounds (default 2), each keeping its best
 * figure per column; BENCH_PG=0 leaves PostgreSQL out. Prints a table; asserts nothing. Sizes: BENCH_SINGLE (default 5000 single appends),
 * BENCH_BATCHES (default 300 batches of 100; the first 100 form one 10,000-event stream); BENCH_PEER=0
 * leaves Emmett out (it is installed on first use, which needs the npm registry).
 */
import Database from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openPostgresEventStore } from '../src/postgres';
import { createSchema } from '../src/sqlite/schema';
import { startTestPostgres, type TestPostgres } from '../test/fixtures/postgres';
import { openSqliteEventStore, type Synchronous } from '../src/sqlite';
import { generateEvents, type BenchEvent } from './workload';

const singles = Number(process.env.BENCH_SINGLE ?? 5000);
const batches = Number(process.env.BENCH_BATCHES ?? 300);
const batchSize = 100;
const longStreamBatches = Math.min(100, batches);
const pageSize = 1000;
const singleStreams = 500;

interface Contender {
  name: string;
  /** appends one event with an exact expected revision; returns nothing the bench needs */
  appendOne(stream: string, event: BenchEvent, index: number): Promise<void> | void;
  appendBatch(stream: string, events: BenchEvent[], batchInStream: number): Promise<void> | void;
  /** reads every event from the start in pages, parsing data and metadata; returns the count */
  readAll(): Promise<number> | number;
  readStream(stream: string): Promise<number> | number;
  close(): Promise<void> | void;
  /** also measured with 32 concurrent writers (stores that commit concurrent appends in groups) */
  concurrent?: boolean;
}

const dir = mkdtempSync(join(os.tmpdir(), 'gevinst-bench-'));
const fresh = (name: string) => join(dir, `${name}.sqlite`);

const ours = (synchronous: Synchronous): Contender => {
  const store = openSqliteEventStore({ path: fresh(`ours-${synchronous}`), synchronous });
  const revisions = new Map<string, bigint>();
  const append = async (stream: string, events: BenchEvent[]) => {
    const expected = revisions.get(stream);
    const result = await store.appendToStream(stream, events, { expectedRevision: expected ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
  };
  return {
    name: `ours, SQLite (synchronous=${synchronous}${synchronous === 'FULL' ? ', the default' : ''})`,
    appendOne: (stream, event) => append(stream, [event]),
    appendBatch: (stream, events) => append(stream, events),
    async readAll() {
      let count = 0;
      let after: bigint | undefined;
      for (;;) {
        const page = await store.readAll({ after, maxCount: pageSize });
        if (page.length === 0) return count;
        count += page.length;
        after = page.at(-1)?.globalPosition;
      }
    },
    readStream: async (stream) => (await store.readStream(stream)).length,
    close: () => store.close(),
    concurrent: true,
  };
};

/** the same contender on PostgreSQL: a fresh schema of the bench's database */
const oursPostgres = async (server: TestPostgres): Promise<Contender> => {
  const store = await openPostgresEventStore({ connectionString: server.url, schema: server.freshSchema() });
  const revisions = new Map<string, bigint>();
  const append = async (stream: string, events: BenchEvent[]) => {
    const expected = revisions.get(stream);
    const result = await store.appendToStream(stream, events, { expectedRevision: expected ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
  };
  return {
    name: 'ours, PostgreSQL (group commit)',
    appendOne: (stream, event) => append(stream, [event]),
    appendBatch: (stream, events) => append(stream, events),
    async readAll() {
      let count = 0;
      let after: bigint | undefined;
      for (;;) {
        const page = await store.readAll({ after, maxCount: pageSize });
        if (page.length === 0) return count;
        count += page.length;
        after = page.at(-1)?.globalPosition;
      }
    },
    readStream: async (stream) => (await store.readStream(stream)).length,
    close: () => store.close(),
    concurrent: true,
  };
};

/**
 * Emmett 0.42 PostgreSQL as a developer would use it: its store (appends, stream reads) and its
 * exported readMessagesBatch for $all (the store has no read-all), on its own tables of the same database.
 */
const emmettPostgres = async (server: TestPostgres): Promise<Contender> => {
  const { getPostgreSQLEventStore, readMessagesBatch } = await import('@event-driven-io/emmett-postgresql');
  const { STREAM_DOES_NOT_EXIST } = await import('@event-driven-io/emmett');
  const { dumbo } = await import('@event-driven-io/dumbo');
  const store = getPostgreSQLEventStore(server.url);
  await store.schema.migrate();
  // a later round starts from empty tables, as ours starts in a fresh schema
  await store.schema.dangerous.truncate({ resetSequences: true });
  const pool = dumbo({ connectionString: server.url });
  const versions = new Map<string, bigint>();
  const append = async (stream: string, events: BenchEvent[]) => {
    const messages = events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } }));
    const result = await store.appendToStream(stream, messages, { expectedStreamVersion: versions.get(stream) ?? STREAM_DOES_NOT_EXIST });
    versions.set(stream, result.nextExpectedStreamVersion);
  };
  return {
    name: 'Emmett 0.42 PostgreSQL (its store API)',
    appendOne: (stream, event) => append(stream, [event]),
    appendBatch: (stream, events) => append(stream, events),
    async readAll() {
      let count = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(pool.execute, { after, batchSize: pageSize });
        count += batch.messages.length;
        if (batch.messages.length === 0 || !batch.areMessagesLeft) return count;
        after = batch.currentGlobalPosition;
      }
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    async close() {
      await store.close();
      await pool.close();
    },
    concurrent: true,
  };
};

/** the same rows and indexes as ours, written with bare prepared statements: what SQLite itself costs */
const raw = (synchronous: Synchronous): Contender => {
  const db = new Database(fresh(`raw-${synchronous}`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  createSchema(db);
  const insert = db.prepare(
    'INSERT INTO events (stream_name, stream_revision, category, event_id, event_type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const next = new Map<string, number>();
  const insertRow = (stream: string, event: BenchEvent) => {
    const revision = next.get(stream) ?? 0;
    next.set(stream, revision + 1);
    insert.run(stream, revision, stream.slice(0, stream.indexOf('-')), event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
  };
  const insertBatch = db.transaction((stream: string, events: BenchEvent[]) => events.forEach((e) => insertRow(stream, e)));
  const page = db.prepare('SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?');
  const stream = db.prepare('SELECT * FROM events WHERE stream_name = ? ORDER BY stream_revision');
  type Row = { global_position: number; data: string; metadata: string };
  const parse = (rows: Row[]) => rows.map((r) => ({ ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) }));
  return {
    name: `raw better-sqlite3 (synchronous=${synchronous}, no checks)`,
    appendOne: (s, event) => insertRow(s, event),
    appendBatch: (s, events) => insertBatch(s, events),
    readAll() {
      let count = 0;
      let after = 0;
      for (;;) {
        const rows = parse(page.all(after, pageSize) as Row[]);
        if (rows.length === 0) return count;
        count += rows.length;
        after = rows.at(-1)?.global_position ?? after;
      }
    },
    readStream: (s) => parse(stream.all(s) as Row[]).length,
    close: () => void db.close(),
  };
};

const peerDir = fileURLToPath(new URL('./peer/', import.meta.url));

const loadEmmett = async () => {
  const entry = join(peerDir, 'node_modules/@event-driven-io/emmett-sqlite/dist/index.js');
  if (!existsSync(entry)) {
    console.log(`Installing the peer (Emmett's SQLite store, builds native sqlite3: ~2 min) into ${peerDir} …`);
    execSync(`npm install --prefix "${peerDir}" --no-audit --no-fund --loglevel=error`, { stdio: 'inherit' });
  }
  const sqlite = await import(pathToFileURL(entry).href);
  const core = await import(pathToFileURL(join(peerDir, 'node_modules/@event-driven-io/emmett/dist/index.js')).href);
  return { sqlite, core };
};

/**
 * Emmett 0.38.5 as a developer would use it: its store object (which opens a connection per call) for
 * appends and stream reads, and its exported readMessagesBatch for $all (the store has no read-all).
 * With `sharedConnection`, appends go through its schema function on one connection instead.
 */
const emmett = async (sharedConnection: boolean): Promise<Contender> => {
  const { sqlite, core } = await loadEmmett();
  const fileName = fresh(`emmett-${sharedConnection ? 'shared' : 'store'}`);
  // Emmett can fail to switch a brand-new file to WAL inside its first transaction: create it in WAL first
  const init = new Database(fileName);
  init.pragma('journal_mode = WAL');
  init.close();
  const store = sqlite.getSQLiteEventStore({ fileName });
  let shared: { close(): void } | undefined;
  const connection = () => (shared ??= sqlite.sqliteConnection({ fileName }));
  if (sharedConnection) await sqlite.createEventStoreSchema(connection());
  const versions = new Map<string, bigint>();
  let busyRetries = 0;
  const append = async (stream: string, events: BenchEvent[]) => {
    const expectedStreamVersion = versions.get(stream) ?? core.STREAM_DOES_NOT_EXIST;
    const messages = events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } }));
    if (sharedConnection) {
      const result = await sqlite.appendToStream(connection(), stream, stream.slice(0, stream.indexOf('-')), messages, { expectedStreamVersion });
      if (!result.success) throw new Error(`Emmett refused an append to ${stream}`);
      versions.set(stream, result.nextStreamPosition);
    } else {
      // its per-call connection sometimes fails a commit with SQLITE_BUSY ("SQL statements in progress",
      // seen on 100-event batches); such an append is rolled back, so retry it and count the retries
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await store.appendToStream(stream, messages, { expectedStreamVersion });
          versions.set(stream, result.nextExpectedStreamVersion);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt === 10) throw error;
          busyRetries++;
        }
      }
    }
  };
  return {
    name: `Emmett 0.38.5 SQLite (${sharedConnection ? 'one shared connection' : 'its store API'})`,
    appendOne: (stream, event) => append(stream, [event]),
    appendBatch: (stream, events) => append(stream, events),
    async readAll() {
      let count = 0;
      let after = 0n;
      for (;;) {
        const batch = await sqlite.readMessagesBatch(connection(), { after, batchSize: pageSize });
        count += batch.messages.length;
        if (batch.messages.length === 0 || !batch.areEventsLeft) return count;
        after = batch.currentGlobalPosition;
      }
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    close() {
      shared?.close();
      if (busyRetries > 0) notes.push(`Emmett (its store API) failed ${busyRetries} appends with SQLITE_BUSY; each was rolled back and retried (included in its time)`);
    },
  };
};

const notes: string[] = [];
const eventAt = (events: BenchEvent[], i: number): BenchEvent => {
  const event = events[i];
  if (event === undefined) throw new Error(`the workload has no event ${i}`);
  return event;
};

const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

const measure = async (contender: Contender, events: BenchEvent[]) => {
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    const result = await fn();
    return { ms: performance.now() - start, result };
  };
  const single = await timed(async () => {
    for (let i = 0; i < singles; i++) await contender.appendOne(`benefit-${i % singleStreams}`, eventAt(events, i), i);
  });
  const batched = await timed(async () => {
    for (let b = 0; b < batches; b++) {
      const stream = b < longStreamBatches ? 'project-long' : `project-${b}`;
      await contender.appendBatch(stream, events.slice(singles + b * batchSize, singles + (b + 1) * batchSize), b);
    }
  });
  const all = await timed(async () => contender.readAll());
  const long = await timed(async () => contender.readStream('project-long'));
  // group commit: the same single-event appends from 32 concurrent writers (like the API under load)
  const concurrent = contender.concurrent
    ? await timed(async () => {
        const writers = 32;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            // each writer its own streams (no conflicts), fresh events (ids are unique in a store)
            for (let i = w; i < singles; i += writers)
              await contender.appendOne(`unit-${w}x${i % (singleStreams / 10)}`, eventAt(events, singles + batches * batchSize + i), i);
          }),
        );
      })
    : undefined;
  const total = singles + batches * batchSize;
  if (all.result !== total) throw new Error(`${contender.name}: readAll returned ${all.result} of ${total} events`);
  if (long.result !== longStreamBatches * batchSize) throw new Error(`${contender.name}: the long stream returned ${long.result} events`);
  await contender.close();
  return {
    name: contender.name,
    single: rate(singles, single.ms),
    concurrent: concurrent ? rate(singles, concurrent.ms) : undefined,
    batched: rate(batches * batchSize, batched.ms),
    readAll: rate(total, all.ms),
    longStream: rate(long.result as number, long.ms),
  };
};

const main = async () => {
  const events = generateEvents(2 * singles + batches * batchSize);
  const contenders: Array<() => Contender | Promise<Contender>> = [
    () => raw('NORMAL'),
    () => ours('NORMAL'),
    () => raw('FULL'),
    () => ours('FULL'),
    ...(process.env.BENCH_PEER === '0' ? [] : [() => emmett(true), () => emmett(false)]),
  ];
  let server: TestPostgres | undefined;
  const postgres = async () => (server ??= await startTestPostgres());
  // the two PostgreSQL stores take turns for BENCH_PG_ROUNDS rounds (default 2) and each keeps its best
  // figure per column: on a shared machine the load changes between one contender's run and the next
  const rounds = Number(process.env.BENCH_PG_ROUNDS ?? 2);
  if (process.env.BENCH_PG !== '0')
    for (let round = 0; round < rounds; round++)
      contenders.push(async () => oursPostgres(await postgres()), async () => emmettPostgres(await postgres()));
  const rows = [];
  for (const make of contenders) {
    let contender: Contender;
    try {
      contender = await make();
    } catch (error) {
      console.log(`(skipped a contender: ${(error as Error).message})`);
      continue;
    }
    process.stdout.write(`measuring ${contender.name} …\n`);
    // Emmett logs every failed commit with console.error; its failures are counted and noted instead
    const consoleError = console.error;
    if (contender.name.startsWith('Emmett')) console.error = () => undefined;
    try {
      rows.push(await measure(contender, events));
    } finally {
      console.error = consoleError;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  await server?.close();
  // best of the rounds per contender and column
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    const first = rows.findIndex((r) => r.name === row?.name);
    if (row === undefined || first === i) continue;
    const best = rows[first];
    if (best === undefined) continue;
    best.single = Math.max(best.single, row.single);
    best.concurrent = best.concurrent === undefined || row.concurrent === undefined ? best.concurrent : Math.max(best.concurrent, row.concurrent);
    best.batched = Math.max(best.batched, row.batched);
    best.readAll = Math.max(best.readAll, row.readAll);
    best.longStream = Math.max(best.longStream, row.longStream);
    rows.splice(i, 1);
  }

  const fmt = (n: number) => n.toLocaleString('en-US');
  const header = ['store', 'single appends/s', 'singles, 32 writers/s', '100-batches events/s', 'readAll events/s', 'long stream events/s'];
  const table = [
    header,
    ...rows.map((r) => [r.name, fmt(r.single), r.concurrent === undefined ? '–' : fmt(r.concurrent), fmt(r.batched), fmt(r.readAll), fmt(r.longStream)]),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ')} |`;
  console.log();
  if (process.env.BENCH_PG !== '0') notes.push(`PostgreSQL rows: the best of ${rounds} alternating rounds per column`);
  console.log(`nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(
    `workload: ${fmt(singles)} single-event appends over ${singleStreams} streams, ${batches} appends of ${batchSize} events ` +
      `(the first ${longStreamBatches} into one stream), readAll of all ${fmt(singles + batches * batchSize)} in pages of ${pageSize}, ` +
      `then the ${fmt(longStreamBatches * batchSize)}-event stream; every append names its exact expected revision and (ours) carries UUID v7 ids; ` +
      `"singles, 32 writers": the single appends again from 32 concurrent writers (the stores that take concurrent appends; PostgreSQL on loopback)`,
  );
  console.log();
  console.log(line(header));
  console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of table.slice(1)) console.log(line(row));
  console.log();
  for (const note of notes) console.log(`note: ${note}`);
  console.log('goals (ours): single appends ≥ 10,000/s, 100-event batches ≥ 70,000 events/s, readAll ≥ 200,000 events/s');
  for (const r of rows.filter((r) => r.name.startsWith('ours') && !r.name.includes('PostgreSQL'))) {
    const verdict = (value: number, goal: number) => (value >= goal ? 'met' : `missed by ${fmt(goal - value)} (${Math.round((value / goal) * 100)}%)`);
    console.log(`  ${r.name}: single ${verdict(r.single, 10_000)}; batches ${verdict(r.batched, 70_000)}; readAll ${verdict(r.readAll, 200_000)}`);
  }
  const pgOurs = rows.find((r) => r.name.startsWith('ours, PostgreSQL'));
  const pgEmmett = rows.find((r) => r.name.startsWith('Emmett') && r.name.includes('PostgreSQL'));
  if (pgOurs) {
    const verdict = (value: number | undefined, goal: number) =>
      value === undefined ? '–' : value >= goal ? 'met' : `missed by ${fmt(goal - value)} (${Math.round((value / goal) * 100)}%)`;
    console.log('goals (ours, PostgreSQL): singles with 32 writers ≥ 10,000/s, 100-event batches ≥ 50,000 events/s, readAll ≥ 150,000 events/s, ahead of Emmett');
    console.log(`  singles, 32 writers ${verdict(pgOurs.concurrent, 10_000)}; batches ${verdict(pgOurs.batched, 50_000)}; readAll ${verdict(pgOurs.readAll, 150_000)}`);
    if (pgEmmett) {
      const columns = ['single', 'concurrent', 'batched', 'readAll', 'longStream'] as const;
      const ratio = (c: (typeof columns)[number]) => ((pgOurs[c] ?? 0) / Math.max(1, pgEmmett[c] ?? 0)).toFixed(1);
      console.log(`  against Emmett's PostgreSQL store: ${columns.map((c) => `${c} ×${ratio(c)}`).join(', ')}`);
    }
  }
};

await main();
