import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, settled } from './browser';
import { loginInBrowser } from './login';
import { FINANCE } from './people';
import { startServer, type TestServer } from './server';

/**
 * The UI under the server's real Content-Security-Policy, in Chromium, with the demo municipality:
 * no page the people use trips the policy (charts and their tooltips included), and no other site can
 * frame the app. The pages are seen as the demo's finance officer, logged in through the embedded provider.
 */

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'gevinst-csp-'));
  server = await startServer(join(tmp, 'gevinst.sqlite'), { demo: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  // runs through the DevTools protocol before the page's own scripts, so the CSP does not apply to it
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const login = await context.newPage();
  await loginInBrowser(login, server.url, FINANCE.email);
  await login.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const watch = (page: Page) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
};
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('the UI under its Content-Security-Policy', () => {
  it.each([
    ['Prosjekter', '/prosjekter', 'table'],
    ['Økonomi', '/okonomi?fra=2025-T1&til=2026-T3&niva=1', '.chart svg'],
    ['Enheter', '/enheter', 'main li, main table'],
  ])('%s renders with no CSP violation and no console error', async (_name, path, content) => {
    const page = await context.newPage();
    const problems = watch(page);
    const response = await page.goto(server.url + path);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await settled(page);
    await page.locator(content).first().waitFor({ state: 'visible', timeout: 30_000 });
    // chart tooltips are HTML written by ECharts: point at the charts' shapes so they are drawn too
    const charts = page.locator('.chart');
    let tooltips = 0;
    for (let c = 0; c < (await charts.count()); c++) {
      await charts.nth(c).scrollIntoViewIfNeeded();
      const shapes = charts.nth(c).locator('svg path, svg rect');
      for (let i = 0; i < Math.min(await shapes.count(), 12); i++) {
        await shapes.nth(i).hover({ force: true, timeout: 2_000 }).catch(() => undefined);
        tooltips += await charts.nth(c).evaluate((chart) =>
          [...chart.querySelectorAll(':scope > div')].filter((d) => !d.querySelector('svg') && d.textContent && getComputedStyle(d).display !== 'none').length,
        );
      }
    }
    if (path.startsWith('/okonomi')) expect(tooltips, 'no chart tooltip was shown').toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the policy is enforced: an inline script in the page does not run', async () => {
    const page = await context.newPage();
    await page.goto(server.url + '/prosjekter');
    await settled(page);
    // what an injected name would try: a script element written into the page
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ranInline = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { ranInline?: boolean }).ranInline)).toBeUndefined();
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });

  it('another site cannot frame the app', async () => {
    // a control: the same frame around a page without the headers does render, so the check can fail
    const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<div id="root">ramme</div>'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
    const page = await context.newPage();
    try {
      await page.goto(plainUrl);
      await page.setContent(`<iframe id="control" src="${plainUrl}"></iframe><iframe id="app" src="${server.url}/prosjekter"></iframe>`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(1_000);
      const frameOf = async (id: string) => (await page.locator(`#${id}`).elementHandle())!.contentFrame();
      const control = (await frameOf('control'))!;
      expect(await control.evaluate(() => document.querySelector('#root')?.textContent)).toBe('ramme');
      const app = await frameOf('app');
      // Chromium puts its own error page in the frame instead of the app
      const rendered = app ? await app.evaluate(() => document.querySelector('#root') !== null).catch(() => false) : false;
      expect(rendered).toBe(false);
      expect(app?.url()).not.toBe(`${server.url}/prosjekter`);
    } finally {
      await page.close();
      plain.close();
    }
  });
});
