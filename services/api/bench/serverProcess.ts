import autocannon, { type AutocannonResult } from 'autocannon';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The bootstrap token the benchmarks' servers accept (a tree from before login ignores it). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123456789';

/**
 * `services/api/src/main.ts` of the tree at `root` as its own process on a random loopback port, with
 * the benchmarks' token and write limits out of the way (one load client stands for many people);
 * resolves when /healthz answers.
 */
export const startServerProcess = async (root: string, env: Record<string, string>): Promise<{ base: string; stop(): Promise<void> }> => {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'services', 'api', 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      GEVINST_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      GEVINST_RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
      GEVINST_RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${root}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${root}: the server did not start`);
};

/** autocannon registering new units under `parentId` (a stream each, so writers never conflict), with each request's headers */
export const registerUnitsLoad = async (options: {
  base: string;
  parentId: string;
  seconds: number;
  connections: number;
  headers: (i: number) => Record<string, string>;
}): Promise<AutocannonResult> => {
  let n = 0;
  return autocannon({
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/units',
        setupRequest: (req) => {
          const i = n++;
          return { ...req, headers: { 'content-type': 'application/json', ...options.headers(i) }, body: JSON.stringify({ name: `Lastenhet ${i}`, parentId: options.parentId }) };
        },
      },
    ],
  });
};
