import autocannon, { type AutocannonResult } from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The bootstrap token the benchmarks' servers accept (a tree from before login ignores it). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123456789';

/** a loopback port nothing listens on now: the system's choice for port 0, closed again at once */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });

/** resident memory of a process on Linux (/proc), in MiB; NaN elsewhere */
export const rssMiB = (pid: number | undefined): number => {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
};

export interface ServerProcess {
  base: string;
  pid: number | undefined;
  /** ms from spawn to the first answer from /healthz (listening) */
  listeningMs: number;
  /** ms from spawn to /healthz answering 200 with the read models current (not "catching up") */
  currentMs: number;
  stop(): Promise<void>;
}

/** /healthz says the read models hold every event (a server that says nothing of it is current when it answers 200) */
const isCurrent = (body: unknown): boolean => {
  if (typeof body !== 'object' || body === null) return true;
  const said = 'state' in body ? body.state : 'status' in body ? body.status : undefined;
  return typeof said !== 'string' || !/catching|idle|starting|rebuild/i.test(said);
};

/**
 * `services/api/src/main.ts` of the tree at `root` as its own process on a free loopback port, with
 * the benchmarks' token and write limits out of the way (one load client stands for many people);
 * resolves when /healthz answers 200 and the read models are current. `env` may override the log
 * level (warn here); the server's standard output is dropped when `quiet` (a log line per request at
 * info would flood the terminal, yet is work the server does); `nodeArgs` go to node (`--cpu-prof`).
 */
export const startServerProcess = async (root: string, env: Record<string, string>, options: { quiet?: boolean; nodeArgs?: string[] } = {}): Promise<ServerProcess> => {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(root, 'services', 'api', 'src', 'main.ts')], {
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
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const base = `http://127.0.0.1:${port}`;
  let listeningMs: number | undefined;
  // up to 10 minutes: the baseline may rebuild a million events before it listens
  for (let i = 0; i < 12_000; i++) {
    if (child.exitCode !== null) throw new Error(`${root}: the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/healthz`);
      listeningMs ??= performance.now() - started;
      const body: unknown = await res.json().catch(() => null);
      if (res.ok && isCurrent(body)) return { base, pid: child.pid, listeningMs, currentMs: performance.now() - started, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
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

/**
 * autocannon recording a measurement on existing benefits, round robin over `benefitIds` (32
 * connections over thousands of benefits seldom meet on one stream; a meeting is a 409, counted)
 */
export const recordMeasurementsLoad = async (options: {
  base: string;
  benefitIds: string[];
  seconds: number;
  connections: number;
  headers: Record<string, string>;
}): Promise<AutocannonResult> => {
  let n = 0;
  return autocannon({
    url: options.base,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          const benefitId = options.benefitIds[(i * 7919) % options.benefitIds.length];
          const day = String(1 + (i % 28)).padStart(2, '0');
          return {
            ...req,
            path: `/api/benefits/${benefitId}/measurements`,
            headers: { 'content-type': 'application/json', ...options.headers },
            body: JSON.stringify({ value: 40 + (i % 60), measuredOn: `2026-10-${day}` }),
          };
        },
      },
    ],
  });
};
