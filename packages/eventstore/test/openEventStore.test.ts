import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestPostgres } from './fixtures/postgres';
import { openEventStoreFromEnv } from '../src/openEventStore';

const dir = mkdtempSync(join(tmpdir(), 'gevinst-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openEventStore(env)', () => {
  it('opens the SQLite file named by GEVINST_DB (creating its folder) when EVENTSTORE_URL is unset', async () => {
    const path = join(dir, 'nested', 'gevinst.sqlite');
    const opened = await openEventStoreFromEnv({ GEVINST_DB: path, GEVINST_SQLITE_SYNCHRONOUS: 'normal' });
    expect(opened.kind).toBe('sqlite');
    if (opened.kind !== 'sqlite') return;
    expect(opened.store.db.name).toBe(path);
    expect(opened.store.db.pragma('synchronous', { simple: true })).toBe(1);
    await opened.store.close();
  });

  it('chooses KurrentDB when EVENTSTORE_URL is set (connecting lazily)', async () => {
    const opened = await openEventStoreFromEnv({ EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false' });
    expect(opened.kind).toBe('kurrentdb');
    await opened.store.close();
  });

  it('chooses PostgreSQL when DATABASE_URL is a postgres:// URL (schema from GEVINST_PG_SCHEMA)', async () => {
    const server = await startTestPostgres();
    try {
      const schema = server.freshSchema();
      const opened = await openEventStoreFromEnv({ DATABASE_URL: server.url, GEVINST_PG_SCHEMA: schema, GEVINST_DB: join(dir, 'unused.sqlite') });
      expect(opened.kind).toBe('postgres');
      if (opened.kind !== 'postgres') return;
      expect(opened.store.schema).toBe(schema);
      expect((await opened.store.appendToStream('unit-1', [{ type: 'UnitRegistered', data: {} }])).globalPosition).toBe(1n);
      await opened.store.close();
      // a postgres:// URL in EVENTSTORE_URL chooses PostgreSQL too (the API hands its store URL over that way)
      const viaStoreUrl = await openEventStoreFromEnv({ EVENTSTORE_URL: server.url, GEVINST_PG_SCHEMA: schema });
      expect(viaStoreUrl.kind).toBe('postgres');
      expect(await viaStoreUrl.store.readStream('unit-1')).toHaveLength(1);
      await viaStoreUrl.store.close();
    } finally {
      await server.close();
    }
  }, 180_000);

  it('refuses an unknown durability setting', async () => {
    await expect(openEventStoreFromEnv({ GEVINST_DB: join(dir, 'x.sqlite'), GEVINST_SQLITE_SYNCHRONOUS: 'OFF' })).rejects.toThrow(/NORMAL or FULL/);
  });
});
