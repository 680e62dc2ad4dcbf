import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/http/security/headers';
import type { ErrorResponse, UnitSummary } from '@gevinst/domain/answers';
import { AS_ADMIN, countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const send = async (path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
  // as the administrator's script, unless the test sends a cookie (a browser) or its own Authorization
  const as = init.headers?.cookie !== undefined || init.headers?.authorization !== undefined ? {} : AS_ADMIN;
  const res = await fetch(g.url + path, { method: init.method ?? 'POST', headers: { ...as, ...init.headers }, body: init.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
};

describe('JSON writes only as JSON', () => {
  it.each([
    ['text/plain', '{"name":"Fra et annet nettsted"}'],
    ['application/x-www-form-urlencoded', 'name=Fra+et+skjema'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nSkjema\r\n--x--\r\n'],
  ])('refuses a body sent as %s with 415 naming Content-Type, and writes nothing', async (type, body) => {
    const before = await countEvents(g);
    const res = await send('/api/units', { headers: { 'content-type': type }, body });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({
      code: 'unsupported_media_type',
      message: 'Forespørselen må sendes som application/json',
      fields: [{ path: 'Content-Type', message: expect.any(String) }],
    });
    expect(await countEvents(g)).toBe(before);
    expect((await g.get('/api/units')).body).toEqual([]);
  });

  it('refuses a JSON body with no Content-Type at all', async () => {
    const res = await fetch(g.url + '/api/units', { method: 'POST', body: new Blob(['{"name":"Uten type"}']) });
    expect(res.status).toBe(415);
  });

  it('reads application/json and application/*+json', async () => {
    expect((await send('/api/units', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"name":"Json"}' })).status).toBe(201);
    expect((await send('/api/units', { headers: { 'content-type': 'application/merge-patch+json' }, body: '{"name":"Pluss json"}' })).status).toBe(201);
  });

  it('a POST with no body reaches the command (its input is checked, not its type)', async () => {
    const res = await send('/api/units', {});
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('name');
    expect((await send('/api/admin/rebuild', {})).status).toBe(200);
  });
});

describe('Origin check on cookie-authenticated writes', () => {
  // the administrator logged in through the real flow: a session that may write
  let cookie = '';
  beforeAll(async () => {
    cookie = await loginAs(g.url, 'admin@fjordvik.kommune.no');
  });
  const json = { 'content-type': 'application/json' };

  it('refuses a write with the session cookie from another origin with 403, writing nothing', async () => {
    const before = await countEvents(g);
    for (const headers of [
      { ...json, cookie, origin: 'https://angriper.example' },
      { ...json, cookie, origin: 'null' },
      { ...json, cookie, referer: 'https://angriper.example/side' },
      { ...json, cookie },
    ]) {
      const res = await send('/api/units', { headers, body: '{"name":"Forfalsket"}' });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden_origin', message: 'Forespørselen kom fra et annet nettsted og ble avvist' });
    }
    expect(await countEvents(g)).toBe(before);
  });

  it('accepts the same write from its own origin (Origin, or Referer when Origin is absent)', async () => {
    expect((await send('/api/units', { headers: { ...json, cookie, origin: g.url }, body: '{"name":"Egen side"}' })).status).toBe(201);
    expect((await send('/api/units', { headers: { ...json, cookie, referer: `${g.url}/enheter` }, body: '{"name":"Egen side 2"}' })).status).toBe(201);
  });

  it('does not apply to requests without the session cookie (bearer tokens, scripts)', async () => {
    const res = await send('/api/units', { headers: { ...json, origin: 'https://skript.example', authorization: 'Bearer x' }, body: '{"name":"Skript"}' });
    expect(res.body?.error?.code).not.toBe('forbidden_origin');
  });

  it('leaves reads alone', async () => {
    const res = await fetch(g.url + '/api/units', { headers: { cookie, origin: 'https://angriper.example' } });
    expect(res.status).toBe(200);
  });
});

describe('security headers', () => {
  it('every answer carries a CSP that forbids framing and foreign scripts, nosniff, a referrer policy, X-Frame-Options; no HSTS on http', async () => {
    for (const path of ['/api/units', '/healthz', '/api/finnes-ikke']) {
      const res = await fetch(g.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['style-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['form-action']).toEqual(["'self'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(['same-origin', 'strict-origin-when-cross-origin']).toContain(res.headers.get('referrer-policy'));
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('lets forms post to the login issuer when configured', async () => {
    const app = express().use(securityHeaders({ extraFormAction: ['https://login.microsoftonline.com'] }));
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.headers.get('content-security-policy')).toContain("form-action 'self' https://login.microsoftonline.com");
    } finally {
      server.close();
    }
  });
});

describe('rate limits', () => {
  let limited: TestGevinst;
  beforeAll(async () => {
    limited = await startTestGevinst({ rateLimits: { writesPerMinute: 3, loginPerMinute: 2 } });
  });
  afterAll(async () => {
    await limited.destroy();
  });

  it('the write after the limit answers 429 with Retry-After and writes nothing; reads go on', async () => {
    for (let i = 0; i < 3; i++) expect((await limited.post('/api/units', { name: `Enhet ${i}` })).status).toBe(201);
    const before = await countEvents(limited);
    const refused = await limited.post<ErrorResponse>('/api/units', { name: 'Én for mye' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: 'For mange forespørsler. Vent litt og prøv igjen.' });
    expect(await countEvents(limited)).toBe(before);
    const units = await limited.get<UnitSummary[]>('/api/units');
    expect(units.status).toBe(200);
    expect(units.body.map((u: { name: string }) => u.name)).not.toContain('Én for mye');
  });

  it('login attempts beyond the limit answer 429', async () => {
    const attempt = () => fetch(limited.url + '/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    for (let i = 0; i < 2; i++) expect((await attempt()).status).not.toBe(429);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
