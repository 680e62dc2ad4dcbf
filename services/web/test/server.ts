import { expect } from 'vitest';
import { startGevinst, type GevinstConfig, type RunningGevinst } from '@gevinst/api/server';

/** The test servers' bootstrap token (GEVINST_ADMIN_TOKEN): requests with it act as the administrator `admin`. */
export const TEST_ADMIN_TOKEN = 'web-test-admin-token-0123456789abcdef0123';

export type Role = 'administrator' | 'finance' | 'management' | 'project-leader' | 'benefit-owner';

export interface TestServer {
  url: string;
  /** the API's event store, for facts the browser cannot make (a mail server that fails) */
  store: RunningGevinst['store'];
  /** a request to the API as the administrator (bearer token), for set-up and for checking what was stored */
  apiFetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET as the administrator, expecting 2xx */
  apiGet<T>(path: string): Promise<T>;
  /** a command as the administrator, expecting 2xx; answers the created id */
  apiPost(path: string, body: unknown): Promise<string>;
  /** gives `personId` the role (over `POST /api/access/grants`, as the administrator); answers the grant's id */
  grant(personId: string, role: Role, unitId: string | null): Promise<string>;
  close(): Promise<void>;
}

export type ServerOptions = Pick<GevinstConfig, 'clock' | 'reminders' | 'demo'>;

/** The real API on its own SQLite file, serving services/web/dist, without the demo data, with real login. */
export async function startServer(dbPath: string, options: ServerOptions = {}): Promise<TestServer> {
  const running = await startGevinst({
    port: 0, host: '127.0.0.1', dbPath, demo: false, logLevel: 'silent',
    // the tests write faster than a person
    rateLimits: { writesPerMinute: 1_000_000, loginPerMinute: 1_000_000 },
    auth: { adminToken: TEST_ADMIN_TOKEN },
    ...options,
  });
  const apiFetch = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(init.headers as Record<string, string> | undefined) } });
  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await apiFetch(path);
    expect(response.ok, `${path} → ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };
  const apiPost = async (path: string, body: unknown): Promise<string> => {
    const response = await apiFetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    expect(response.ok, `${path} → ${response.status} ${text}`).toBe(true);
    return (JSON.parse(text) as { id: string }).id;
  };
  const grant = (personId: string, role: Role, unitId: string | null) => apiPost('/api/access/grants', { personId, role, unitId });
  return { url: running.url, store: running.store, apiFetch, apiGet, apiPost, grant, close: () => running.close() };
}
