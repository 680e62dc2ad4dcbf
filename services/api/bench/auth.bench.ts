/**
 * pnpm bench:auth — what the auth check costs a command (prints a table; not a test).
 * One server process of this tree with the demo, loaded by autocannon on loopback: new units are
 * registered under Helse og velferd (POST /api/units; each its own stream, so no write conflicts),
 * authenticated as
 *   - the bootstrap token (no session lookup, the administrator passes the policy at once),
 *   - the session cookie of Helse's leader, ledelse for Helse (session row + grants + the policy's
 *     unit-subtree rule),
 *   - the same person's access token (JWT signature check + grants + the policy),
 * and, side by side in the same run, the same load on a tree without login (BENCH_BASELINE: a checkout
 * of an earlier commit with its node_modules, e.g. `git worktree add /tmp/base d45009a && (cd /tmp/base
 * && pnpm install)`), where the request carries only X-User-Id.
 * Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32), BENCH_BASELINE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearerFor, loginAs } from '../test/login';
import { BENCH_ADMIN_TOKEN, registerUnitsLoad, startServerProcess } from './serverProcess';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const MANAGER = 'helsesjef@fjordvik.kommune.no';
const SCOPE = 'Helse og velferd';
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-auth-'));

const start = (root: string, name: string) =>
  startServerProcess(root, { GEVINST_DB: join(dir, `${name}.sqlite`), GEVINST_OUTBOX: join(dir, `outbox-${name}`), GEVINST_REMINDERS: '0' });

const load = async (base: string, parentId: string, headers: Record<string, string>) => {
  const result = await registerUnitsLoad({ base, parentId, seconds: SECONDS, connections: CONNECTIONS, headers: () => ({ origin: base, ...headers }) });
  return `${Math.round(result['2xx'] / SECONDS).toLocaleString('en')} commands/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors})`;
};

const scopeUnit = async (base: string, headers: Record<string, string>): Promise<string> => {
  const units = (await (await fetch(`${base}/api/units`, { headers })).json()) as { id: string; name: string }[];
  return units.find((u) => u.name === SCOPE)!.id;
};

const rows: [string, string][] = [];
const admin = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
type Credentials = (base: string) => Promise<Record<string, string>>;
/** each variant on a fresh server and store, so none inherits the units the one before it wrote */
const variants: [string, string, Credentials][] = [
  ['GEVINST_ADMIN_TOKEN (administrator)', join(here, '..', '..', '..'), async () => admin],
  ['session cookie, ledelse for Helse (policy: unit subtree)', join(here, '..', '..', '..'), async (base) => ({ cookie: await loginAs(base, MANAGER) })],
  ['access token (JWT), ledelse for Helse (policy: unit subtree)', join(here, '..', '..', '..'), async (base) => ({ authorization: `Bearer ${await bearerFor(base, MANAGER)}` })],
];
if (process.env.BENCH_BASELINE)
  variants.push([`no login, X-User-Id only [baseline ${process.env.BENCH_BASELINE}]`, process.env.BENCH_BASELINE, async () => ({ 'x-user-id': MANAGER })]);
try {
  for (const [i, [label, root, credentials]] of variants.entries()) {
    const server = await start(root, `variant-${i}`);
    try {
      const parentId = await scopeUnit(server.base, admin);
      rows.push([label, await load(server.base, parentId, await credentials(server.base))]);
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nPOST /api/units under ${SCOPE}, demo municipality, SQLite FULL, ${CONNECTIONS} connections, ${SECONDS} s each\n`);
for (const [label, figure] of rows) console.log(`${label.padEnd(72)} ${figure}`);
