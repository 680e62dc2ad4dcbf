import type { Page } from 'playwright-core';

/**
 * Logs the page in at Gevinst on `baseUrl` as `email` through the real flow in the browser: Gevinst's
 * /auth/login → the embedded provider's login page → «Logg inn som …» (or the e-mail/password form
 * for someone not in the one-click list) → back to `returnTo` with the session cookie set.
 */
export async function loginInBrowser(page: Page, baseUrl: string, email: string, options: { password?: string; returnTo?: string } = {}): Promise<void> {
  const returnTo = options.returnTo ?? '/';
  await page.goto(`${baseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.waitForURL(/\/oidc\/interaction\//);
  const oneClick = page.locator(`button[name="email"][value="${email.toLowerCase()}"]`);
  const back = page.waitForURL((url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/'));
  if (!options.password && (await oneClick.count()) === 1) await oneClick.click();
  else {
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(options.password ?? 'gevinst-demo');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  }
  await back;
}
