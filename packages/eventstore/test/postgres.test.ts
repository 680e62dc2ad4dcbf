import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresEventStore } from '../src/postgres';
import { eventStoreContract } from './contract';
import { startTestPostgres, type TestPostgres } from './fixtures/postgres';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 180_000);
afterAll(async () => {
  await server?.close();
}, 60_000);

eventStoreContract('PostgreSQL', () => openPostgresEventStore({ connectionString: server.url, schema: server.freshSchema() }));

describe('PostgreSQL test server', () => {
  it('is found or made', () => {
    expect(['env', 'local-server', 'own-cluster']).toContain(server.source);
  });
});
