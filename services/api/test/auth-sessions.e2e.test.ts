import Database from 'better-sqlite3';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createAuthentication } from '../src/auth/authentication';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, Sessions, sqliteSessionRows } from '../src/auth/sessions';

const person = { id: 'byggesak@fjordvik.kommune.no', subject: 'byggesak@fjordvik.kommune.no', name: 'Bjørn Moe', email: 'byggesak@fjordvik.kommune.no', groups: ['gevinst-gevinsteiere'] };
const MINUTE = 60_000;

describe('sessions', () => {
  const clockAt = (start: number) => {
    const clock = { now: start };
    return { clock, sessions: new Sessions(sqliteSessionRows(new Database(':memory:')), { now: () => clock.now }) };
  };

  it('end after the idle time without use, and live on while used', async () => {
    const { clock, sessions } = clockAt(Date.parse('2026-03-02T08:00:00Z'));
    const kept = await sessions.create(person);
    const idle = await sessions.create(person);
    for (let t = 0; t < SESSION_IDLE_MS + 10 * MINUTE; t += 30 * MINUTE) {
      clock.now += 30 * MINUTE;
      expect((await sessions.principal(kept))?.id).toBe(person.id);
    }
    expect(await sessions.principal(idle)).toBeUndefined();
  });

  it('end at the absolute limit however busy', async () => {
    const { clock, sessions } = clockAt(Date.parse('2026-03-02T08:00:00Z'));
    const id = await sessions.create(person);
    const end = clock.now + SESSION_ABSOLUTE_MS;
    while (clock.now + 30 * MINUTE < end) {
      clock.now += 30 * MINUTE;
      expect(await sessions.principal(id)).toMatchObject({ id: person.id, via: 'session' });
    }
    clock.now = end;
    expect(await sessions.principal(id)).toBeUndefined();
  });

  it('are 256-bit random ids of which only a hash is kept', async () => {
    const db = new Database(':memory:');
    const sessions = new Sessions(sqliteSessionRows(db));
    const id = await sessions.create(person);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    const rows = db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    expect(JSON.stringify(rows)).not.toContain(id);
    await sessions.delete(id);
    expect(await sessions.principal(id)).toBeUndefined();
  });
});

describe('GET /api/me with the describe hook (the roles add their fields)', () => {
  it('adds what describe answers for the person', async () => {
    const adminToken = 'describe-admin-token-0123456789abcdef0123';
    const auth = await createAuthentication({
      db: new Database(':memory:'),
      logger: pino({ level: 'silent' }),
      config: { issuer: 'https://login.example.invalid/tenant/v2.0', clientId: 'gevinst', adminToken },
      describe: (p) => ({ roles: p.id === 'admin' ? ['administrator'] : [] }),
    });
    const app = express().use(auth.routes, auth.authenticate);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    auth.setListeningUrl(url);
    try {
      const res = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(await res.json()).toEqual({ id: 'admin', name: 'Administrator (GEVINST_ADMIN_TOKEN)', email: null, via: 'admin-token', groups: [], roles: ['administrator'] });
      expect((await fetch(`${url}/api/me`)).status).toBe(401);
    } finally {
      auth.close();
      server.close();
    }
  });
});
