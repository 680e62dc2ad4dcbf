import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore, type PostgresQuery } from '@gevinst/eventstore';
import { startTestPostgres, type TestPostgres } from '../../../packages/eventstore/test/fixtures/postgres';
import { postgresLoginAttempts, postgresSessionRows } from '../src/auth/postgresRows';
import { SESSION_IDLE_MS, Sessions } from '../src/auth/sessions';

// Sessions and logins under way in PostgreSQL: what one instance stores, every other one on the same
// database finds, so a load balancer may send a person's requests anywhere.

const person = { id: 'okonomi@fjordvik.kommune.no', subject: 'okonomi@fjordvik.kommune.no', name: 'Ola Økonomi', email: 'okonomi@fjordvik.kommune.no', groups: ['gevinst-okonomi'] };
const MINUTE = 60_000;

let server: TestPostgres;
let store: PostgresEventStore;
let query: PostgresQuery;
let schema: string;

beforeAll(async () => {
  server = await startTestPostgres();
  schema = server.freshSchema();
  // the tables live beside the events, in the store's schema, reached through its pool (as server.ts wires them)
  store = await openPostgresEventStore({ connectionString: server.url, schema });
  query = (text, values) => store.pool.query(text, values);
}, 120_000);

afterAll(async () => {
  await store?.close();
  await server?.close();
});

describe('sessions in PostgreSQL', () => {
  it('one made through one instance is known through another, and a logout on either ends it for both', async () => {
    const a = new Sessions(postgresSessionRows(query, schema));
    const b = new Sessions(postgresSessionRows(query, schema));
    const id = await a.create(person);
    expect(await b.principal(id)).toMatchObject({ id: person.id, name: 'Ola Økonomi', groups: ['gevinst-okonomi'], via: 'session' });
    await b.delete(id);
    expect(await a.principal(id)).toBeUndefined();
    expect(await b.principal('not-a-session')).toBeUndefined();
  });

  it('keep only the id hash, and end after the idle time on every instance alike', async () => {
    const clock = { now: Date.parse('2026-03-02T08:00:00Z') };
    const a = new Sessions(postgresSessionRows(query, schema), { now: () => clock.now });
    const b = new Sessions(postgresSessionRows(query, schema), { now: () => clock.now });
    const kept = await a.create(person);
    const idle = await a.create(person);
    const { rows } = await query(`SELECT * FROM "${schema}".gevinst_sessions`);
    expect(JSON.stringify(rows)).not.toContain(kept);
    // used on alternate instances: each use keeps it alive for both
    for (let t = 0, i = 0; t < SESSION_IDLE_MS + 10 * MINUTE; t += 30 * MINUTE, i++) {
      clock.now += 30 * MINUTE;
      expect((await (i % 2 ? a : b).principal(kept))?.id).toBe(person.id);
    }
    expect(await b.principal(idle)).toBeUndefined();
    await a.sweepExpired();
    expect(await b.principal(kept)).toMatchObject({ id: person.id });
  });
});

describe('logins under way in PostgreSQL', () => {
  it('a login started on one instance is finished on another, once', async () => {
    const a = postgresLoginAttempts(query, schema);
    const b = postgresLoginAttempts(query, schema);
    const attempt = { codeVerifier: 'v'.repeat(43), nonce: 'n-1', returnTo: '/okonomi' };
    await a.put('state-hash-1', attempt, Date.now() + 10 * MINUTE);
    expect(await b.take('state-hash-1', Date.now())).toEqual(attempt);
    // a replayed callback finds nothing
    expect(await a.take('state-hash-1', Date.now())).toBeUndefined();
  });

  it('an expired login is not finished', async () => {
    const a = postgresLoginAttempts(query, schema);
    await a.put('state-hash-2', { codeVerifier: 'w'.repeat(43), nonce: 'n-2', returnTo: '/' }, Date.now() + 10 * MINUTE);
    expect(await a.take('state-hash-2', Date.now() + 11 * MINUTE)).toBeUndefined();
  });
});
