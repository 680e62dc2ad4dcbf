import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { WriteResult } from '@gevinst/domain/answers';
import { startGevinst, type GevinstConfig, type RunningGevinst } from '../src/server';

/**
 * An HTTP answer as a test reads it. The body is the parsed JSON, typed as the answer the test expects
 * (`g.get<LedgerAnswer>(…)`, `g.post<ErrorResponse>(…)`); `unknown` when the test only compares it whole.
 */
export interface TestAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestGevinst extends RunningGevinst {
  dir: string;
  dbPath: string;
  post<T = unknown>(path: string, body: unknown, headers?: Record<string, string>): Promise<TestAnswer<T>>;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<TestAnswer<T>>;
  /** POSTs a command that must succeed (201) and answers the new id */
  created(path: string, body: unknown): Promise<string>;
  /** stops the server and deletes its files */
  destroy(): Promise<void>;
}

/** The bootstrap token of the test servers: requests from `post`/`get` act as the administrator `admin`. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';
export const AS_ADMIN = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/**
 * A real Gevinst on a fresh SQLite file in a temp folder, on a free loopback port. `post` and `get`
 * send the administrator's bearer token unless the test's headers say otherwise.
 */
export const startTestGevinst = async (config: GevinstConfig = {}, dir?: string): Promise<TestGevinst> => {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'gevinst-test-'));
  const dbPath = join(folder, 'gevinst.sqlite');
  // the tests write faster than a person; a test of the limits sets its own
  const rateLimits = { writesPerMinute: 1_000_000, loginPerMinute: 1_000_000 };
  const g = await startGevinst({
    port: 0,
    host: '127.0.0.1',
    dbPath,
    demo: false,
    logger: pino({ level: 'silent' }),
    rateLimits,
    ...config,
    auth: { adminToken: TEST_ADMIN_TOKEN, ...config.auth },
  });
  const post = async <T,>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<TestAnswer<T>> => {
    const res = await fetch(g.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS_ADMIN, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return answerOf<T>(res);
  };
  const get = async <T,>(path: string, headers: Record<string, string> = {}): Promise<TestAnswer<T>> =>
    answerOf<T>(await fetch(g.url + path, { headers: { ...AS_ADMIN, ...headers } }));
  const created = async (path: string, body: unknown) => {
    const res = await post<WriteResult>(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const destroy = async () => {
    await g.close();
    if (!dir) rmSync(folder, { recursive: true, force: true });
  };
  return { ...g, dir: folder, dbPath, post, get, created, destroy };
};

/**
 * Reads a response as the answer `T` the test expects. The server's answers are checked against their
 * schemas in openapi.e2e; here the type only names what the test reads.
 */
export const answerOf = async <T,>(res: Response): Promise<TestAnswer<T>> => {
  const text = await res.text();
  const body: T = text ? JSON.parse(text) : undefined;
  return { status: res.status, body, headers: res.headers };
};

/** Counts every event in the store. */
export const countEvents = async (g: RunningGevinst): Promise<number> => (await g.store.readAll()).length;
