import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenEarly, type EarlyServer } from '../src/http/earlyServer';

const opened: EarlyServer[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await new Promise((resolve) => e.server.close(resolve));
});
const open = async (waitMs: number) => {
  const early = await listenEarly(0, '127.0.0.1', waitMs);
  opened.push(early);
  return { early, url: `http://127.0.0.1:${(early.server.address() as AddressInfo).port}` };
};

describe('the port main.ts opens before the app is loaded', () => {
  it('/healthz answers 503 catching up at once', async () => {
    const { url } = await open(60_000);
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'catching up', position: null, eventsApplied: 0 });
  });

  it('a request that arrives before the app waits for it and is answered by it, body and all', async () => {
    const { early, url } = await open(60_000);
    const answer = fetch(`${url}/api/units`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Tidlig"}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    early.serve((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, body })));
    });
    const res = await answer;
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ path: '/api/units', body: '{"name":"Tidlig"}' });
    // from now on the app answers everything, /healthz too
    early.serve((_req, res) => res.writeHead(200).end('app'));
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('app');
  });

  it('a request the app is not loaded for within the wait is answered 503 catching_up with Retry-After', async () => {
    const { url } = await open(30);
    const res = await fetch(`${url}/api/units`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('catching_up');
  });
});
