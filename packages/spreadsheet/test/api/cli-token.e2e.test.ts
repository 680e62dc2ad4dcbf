import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';

// What the CLI sends is seen by a plain HTTP server standing in for Gevinst; it answers 401 like
// Gevinst does to a request without a valid token.
let server: Server;
let url: string;
let seen: IncomingHttpHeaders[] = [];
let dir: string;
const saved = { GEVINST_TOKEN: process.env.GEVINST_TOKEN, GEVINST_ADMIN_TOKEN: process.env.GEVINST_ADMIN_TOKEN };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gevinst-cli-token-'));
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unauthenticated', message: 'Du må logge inn', fields: [] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  seen = [];
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  }
});

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await main([...argv, '--api', url], { log: (t) => lines.push(t), error: (t) => lines.push(t) });
  return { code, text: lines.join('\n') };
};

describe('the CLI sends a token', () => {
  it('GEVINST_TOKEN as a bearer token, and says which variable to set when Gevinst answers 401', async () => {
    process.env.GEVINST_TOKEN = 'access-token-from-the-issuer';
    process.env.GEVINST_ADMIN_TOKEN = 'the-admin-token-is-only-a-fallback-0123456789';
    const { code, text } = await run('export', 'ledger', '--out', join(dir, 'x.xlsx'));
    expect(code).toBe(1);
    expect(seen[0]!.authorization).toBe('Bearer access-token-from-the-issuer');
    expect(text).toContain('Gevinst svarte 401: Du må logge inn. Sett GEVINST_TOKEN');
  });

  it('falls back to GEVINST_ADMIN_TOKEN, also for imports', async () => {
    delete process.env.GEVINST_TOKEN;
    process.env.GEVINST_ADMIN_TOKEN = 'the-admin-token-0123456789abcdef0123456789';
    const { code, text } = await run('import', join(__dirname, '../fixtures/bad-numbers.xlsx'), '--project', 'p1', '--dry-run');
    expect(code).toBe(2);
    expect(seen[0]!.authorization).toBe('Bearer the-admin-token-0123456789abcdef0123456789');
    expect(text).toContain('Du må logge inn. Sett GEVINST_TOKEN');
  });

  it('sends no Authorization header without a token', async () => {
    delete process.env.GEVINST_TOKEN;
    delete process.env.GEVINST_ADMIN_TOKEN;
    await run('template', '--out', join(dir, 't.xlsx'));
    expect(seen[0]!.authorization).toBeUndefined();
  });
});
