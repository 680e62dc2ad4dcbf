import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeViolations, horizontalOverflow, launchBrowser, screenshot, settled } from './browser';
import { loginInBrowser } from './login';
import { LEADER, OWNER } from './people';
import { startServer, type Role, type ServerOptions, type TestServer } from './server';

const NB_LETTERS = /[a-zæøå]/i;

/** The real API on a fresh SQLite file and one Chromium page; helpers to call the API as a user and check pages. */
/** What `Journey.arrangeBenefit` made: the ids of the units, the project and the benefit. */
export interface Arranged { kommune: string; bygg: string; digital: string; project: string; benefit: string }

export class Journey {
  server!: TestServer;
  browser!: Browser;
  page!: Page;
  private tmp = '';
  private opened = false;
  readonly shots = new Map<string, string>();

  /** `options.clock` sets when commands are recorded; `options.reminders` runs the reminder service. */
  async start(options: ServerOptions = {}): Promise<this> {
    await this.launch();
    return this.open(options);
  }

  /** Chromium, shared by a file's tests: infrastructure only, it keeps no state between them. */
  async launch(): Promise<this> {
    this.browser = await launchBrowser();
    return this;
  }

  /** A fresh server on its own SQLite file and a fresh page (no session): what one test starts from. */
  async open(options: ServerOptions = {}): Promise<this> {
    this.tmp = mkdtempSync(join(tmpdir(), 'gevinst-web-'));
    this.server = await startServer(join(this.tmp, 'gevinst.sqlite'), options);
    this.page = await this.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo', acceptDownloads: true });
    this.page.on('pageerror', (error) => console.error('pageerror:', error.message));
    this.opened = true;
    return this;
  }

  /** Ends what `open` started: the page with its session, the server and its file. */
  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    await this.page.context().close();
    await this.server.close();
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = '';
  }

  async stop(): Promise<void> {
    await this.close();
    await this.browser?.close();
    if (this.shots.size) console.log(`Skjermbilder:\n${[...this.shots].map(([name, path]) => `  ${name}: ${path}`).join('\n')}`);
  }

  url = (path: string) => `${this.server.url}${path}`;

  /** GET as the administrator (bearer token), expecting 2xx */
  get<T>(path: string): Promise<T> {
    return this.server.apiGet<T>(path);
  }

  /** A command as the administrator (bearer token), expecting 2xx; answers the created id. */
  send(path: string, body: unknown): Promise<string> {
    return this.server.apiPost(path, body);
  }

  /**
   * The tests' small kommune, through the API: Testkommune with Byggesak and Digitalisering under it,
   * Digitalisering's project «Digital byggesak» led by LEADER, and in it the benefit «Raskere
   * byggesaksbehandling» for Byggesak, owned by OWNER, in hours valued at kr 650 (`benefit` overrides).
   */
  async arrangeBenefit(benefit: Record<string, unknown> = {}): Promise<Arranged> {
    const kommune = await this.send('/api/units', { name: 'Testkommune' });
    const bygg = await this.send('/api/units', { name: 'Byggesak', parentId: kommune });
    const digital = await this.send('/api/units', { name: 'Digitalisering', parentId: kommune });
    const project = await this.send('/api/projects', { name: 'Digital byggesak', ownerUnitId: digital, projectLeader: LEADER.email });
    const benefitId = await this.send(`/api/projects/${project}/benefits`, {
      title: 'Raskere byggesaksbehandling', recipientUnitId: bygg, owner: OWNER.email, indicator: 'timer per sak',
      unitOfMeasure: 'timer', direction: 'decrease', category: 'budget', cashReleasing: true, valuationOrePerUnit: 65_000,
      plan: [{ period: '2026-T1', quantity: 100 }],
      ...benefit,
    });
    return { kommune, bygg, digital, project, benefit: benefitId };
  }

  /** Gives a person a role through the API, as the administrator. */
  grant(email: string, role: Role, unitId: string | null): Promise<string> {
    return this.server.grant(email, role, unitId);
  }

  /** Logs the page in as `email` through the embedded OpenID provider and comes back to the page it was on. */
  async useUser(email: string) {
    const here = new URL(this.page.url());
    const returnTo = here.origin === new URL(this.server.url).origin ? `${here.pathname}${here.search}` : '/';
    await loginInBrowser(this.page, this.server.url, email, { returnTo });
    await settled(this.page);
  }

  /** Axe finds nothing at WCAG 2.1 A/AA; then a full-page screenshot. */
  async check(name: string) {
    await settled(this.page);
    const violations = await axeViolations(this.page);
    expect(violations, `${name}: ${describeViolations(violations)}`).toEqual([]);
    this.shots.set(name, await screenshot(this.page, name));
  }

  /** The same page at 390 px: accessible, and nothing wider than the screen outside scrollable tables. */
  async checkNarrow(name: string) {
    await this.page.setViewportSize({ width: 390, height: 844 });
    try {
      await this.check(`${name}-390`);
      const { overflow, wide } = await horizontalOverflow(this.page);
      expect(overflow, `${name} ruller vannrett på 390 px: ${wide.join(', ')}`).toBeLessThanOrEqual(1);
    } finally {
      await this.page.setViewportSize({ width: 1280, height: 900 });
    }
  }

  async visit(name: string, path: string) {
    await this.page.goto(this.url(path));
    await this.check(name);
  }

  /** The field's error is beside it: linked by aria-describedby, marked aria-invalid, in bokmål. */
  async expectFieldError(fieldId: string, pattern?: RegExp): Promise<string> {
    const error = this.page.locator(`#${fieldId}-feil`);
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(NB_LETTERS);
    if (pattern) expect(text).toMatch(pattern);
    expect(text).not.toMatch(/\b(must|invalid|expected|required|received)\b/i);
    const field = this.page.locator(`#${fieldId}`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(`${fieldId}-feil`);
    return text;
  }
}
