import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGevinst, type TestGevinst } from './helpers';
import { bearerFor, HttpBrowser, loginAction, loginAs } from './login';

describe('login through the embedded provider', () => {
  let g: TestGevinst;
  beforeAll(async () => {
    g = await startTestGevinst();
  });
  afterAll(async () => {
    await g?.destroy();
  });

  it('round trip', async () => {
    const cookie = await loginAs(g.url, 'okonomisjef@fjordvik.kommune.no');
    const me = await fetch(`${g.url}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: 'okonomisjef@fjordvik.kommune.no' });
    const token = await bearerFor(g.url, 'byggesak@fjordvik.kommune.no');
    const me2 = await fetch(`${g.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me2.json()).toMatchObject({ id: 'byggesak@fjordvik.kommune.no' });
  });
});
