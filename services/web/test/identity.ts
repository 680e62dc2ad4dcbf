import type { Page } from 'playwright-core';
import type { Me } from '../src/api/types';

/** A person as `GET /api/me` describes them (the contract the header and «Mine gevinster» read). */
export const person = (email: string, roles: Me['roles'] = []): Me => ({
  id: email, name: email.split('@')[0], email, via: 'session', groups: [], roles,
});

/**
 * Acts as `email` in the browser until login lands in this branch.
 * TODO(login, issue 11): replace with the real login through the embedded OpenID provider. Today's server
 * has no /api/me and still believes `X-User-Id`, so this sends that header on the page's requests (the
 * events are recorded as this person) and answers /api/me for them in the page. Both go once the server
 * takes the author from the session.
 */
export async function actAs(page: Page, email: string): Promise<void> {
  await page.setExtraHTTPHeaders({ 'X-User-Id': email });
  await page.unroute('**/api/me');
  await page.route('**/api/me', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(person(email)) }));
}
