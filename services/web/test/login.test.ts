import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from './browser';
import { loginInBrowser } from './login';
import { startServer, type TestServer } from './server';

/** Logging in through the embedded OpenID provider's real page in Chromium. */
describe('login in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gevinst-web-login-'));
    server = await startServer(join(dir, 'gevinst.sqlite'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const whoAmI = (page: Page) =>
    page.evaluate(async () => {
      const res = await fetch('/api/me');
      return { status: res.status, body: await res.json() };
    });

  it('the provider’s login page passes axe (WCAG 2.1 AA)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/auth/login`);
    await page.waitForURL(/\/oidc\/interaction\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('one click logs in as a demo person: /api/me in the page knows who it is', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect((await (await page.goto(`${server.url}/api/me`))!.status())).toBe(401);
    const started = performance.now();
    await loginInBrowser(page, server.url, 'okonomisjef@fjordvik.kommune.no', { returnTo: '/okonomi' });
    const ms = performance.now() - started;
    console.log(`login round trip in Chromium: ${ms.toFixed(0)} ms`);
    expect(new URL(page.url()).pathname).toBe('/okonomi');
    const me = await whoAmI(page);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: 'okonomisjef@fjordvik.kommune.no', name: 'Ola Dahl', via: 'session', groups: ['gevinst-okonomi'] });
    // the session cookie is out of reach of the page's scripts
    expect(await page.evaluate(() => document.cookie)).not.toContain('gevinst_session');
    await context.close();
  });

  it('the e-mail and password form works too, and logging in again as someone else switches person', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginInBrowser(page, server.url, 'byggesak@fjordvik.kommune.no', { password: 'gevinst-demo' });
    expect((await whoAmI(page)).body.name).toBe('Bjørn Moe');
    await loginInBrowser(page, server.url, 'kommunedirektor@fjordvik.kommune.no');
    expect((await whoAmI(page)).body.name).toBe('Kari Nordmann');
    await context.close();
  });
});
