/**
 * Issue 11's hostile upload, before and after: `npx tsx packages/spreadsheet/bench/hostile-upload.bench.ts`.
 * Starts the API as `tsx services/api/src/main.ts` twice — from a copy of commit d45009a (before the
 * upload bounds; `git archive` into a temp folder, this worktree's node_modules linked in) and from
 * this worktree — sends each the same hostile plans to the import dry run while GET /healthz is
 * polled back to back, and prints, side by side: the answer, the time to it, the slowest /healthz
 * and the server's peak memory (VmHWM); a valid 2,000-row plan first, to show it is read as before.
 * Stops by itself: each upload is given CAP_S seconds.
 * Env: BEFORE=<commit or dir> (default d45009a), CAP_S (default 40).
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostilePlan } from '../test/fixtures/hostile';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BEFORE = process.env.BEFORE ?? 'd45009a';
const CAP_S = Number(process.env.CAP_S ?? 40);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** A copy of the code at `commit` that runs on this worktree's installed packages. */
function checkoutOf(commit: string): string {
  if (existsSync(commit)) return commit;
  const dir = join(tmpdir(), `gevinst-before-${commit}`);
  if (!existsSync(join(dir, 'services/api/src/main.ts'))) {
    execSync(`mkdir -p ${dir} && git -C ${root} archive ${commit} | tar -x -C ${dir}`);
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    // a package's node_modules holds relative links: copied, `@gevinst/*` points at the old code
    for (const nm of ['packages', 'services'].flatMap((d) => execSync(`ls ${join(root, d)}`).toString().trim().split('\n').map((p) => `${d}/${p}/node_modules`))) {
      if (existsSync(join(root, nm)) && existsSync(dirname(join(dir, nm)))) execSync(`cp -a ${join(root, nm)} ${join(dir, nm)}`);
    }
  }
  return dir;
}

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });

/** GET on a connection of its own; resolves with the status and the ms it took (0 = no answer in `ms`) */
const timedGet = (url: string, ms = CAP_S * 1000) =>
  new Promise<{ status: number; ms: number; body: string }>((done) => {
    const t = performance.now();
    const req = get(url, { agent: false, timeout: ms }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - t, body }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done({ status: 0, ms: performance.now() - t, body: '' }));
  });

function post(url: string, bytes: Buffer): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((done) => {
    const t = performance.now();
    let answered = false;
    const finish = (status: number, body: string) => {
      if (answered) return;
      answered = true;
      done({ status, ms: performance.now() - t, body });
    };
    const req = request(url, { method: 'POST', agent: false, timeout: CAP_S * 1000, headers: { 'content-type': XLSX, 'content-length': bytes.length } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => finish(res.statusCode ?? 0, body));
    });
    req.on('timeout', () => {
      req.destroy();
      finish(0, `no answer in ${CAP_S} s`);
    });
    req.on('error', (e) => setTimeout(() => finish(0, String(e)), 200)); // a 413 may arrive just after the server stops reading
    req.end(bytes);
  });
}

const peakRss = (child: ChildProcess) => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};

interface Row {
  server: string;
  file: string;
  status: number;
  answer: string;
  ms: number;
  healthWorstMs: number;
  healthFailed: number;
  peakRss: number;
}

async function measure(label: string, dir: string, files: { name: string; bytes: Buffer }[]): Promise<Row[]> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'gevinst-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GEVINST_DB: join(data, 'g.sqlite'), GEVINST_REMINDERS: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const rows: Row[] = [];
  try {
    for (let i = 0; (await timedGet(`${base}/healthz`, 1000)).status !== 200; i++) {
      if (i > 120) throw new Error(`${label}: the server did not start`);
      await sleep(500);
    }
    const projects = JSON.parse((await timedGet(`${base}/api/projects`)).body) as { id: string }[];
    for (const file of files) {
      let done = false;
      let worst = 0;
      let failed = 0;
      const poller = (async () => {
        while (!done) {
          const h = await timedGet(`${base}/healthz`, (CAP_S + 5) * 1000);
          if (h.status !== 200) failed++;
          worst = Math.max(worst, h.ms);
          await sleep(100);
        }
      })();
      const res = await post(`${base}/api/projects/${projects[0]!.id}/import?dryRun=1`, file.bytes);
      done = true;
      await poller;
      let answer = res.body.slice(0, 90);
      try {
        const body = JSON.parse(res.body);
        answer = body.error ? `${body.error.code}: ${body.error.message}` : `ok=${body.ok}, ${body.benefits} gevinster, ${body.problems.length} problemer`;
      } catch {
        // not JSON: the first 90 characters stand as the answer
      }
      rows.push({ server: label, file: file.name, status: res.status, answer, ms: res.ms, healthWorstMs: worst, healthFailed: failed, peakRss: peakRss(child) });
    }
  } finally {
    child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  }
  return rows;
}

const started = performance.now();
const issueClass = await hostilePlan({ rows: 380_000 });
const bomb = await hostilePlan({ rows: 580_000, alike: true });
const valid = await hostilePlan({ rows: 2_000 });
const files = [
  { name: `gyldig plan ${mb(valid.bytes.length)} pakket / ${mb(valid.unpacked)} utpakket, 2 000 rader`, bytes: valid.bytes },
  { name: `plan ${mb(issueClass.bytes.length)} pakket / ${mb(issueClass.unpacked)} utpakket, 380 000 rader`, bytes: issueClass.bytes },
  { name: `zip-bombe ${mb(bomb.bytes.length)} pakket / ${mb(bomb.unpacked)} utpakket, 580 000 like rader`, bytes: bomb.bytes },
];
console.log(`Filer laget på ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
const before = await measure(`før (${BEFORE})`, checkoutOf(BEFORE), files.slice(0, 2)); // the valid plan first: after the hostile one the old server is stuck
const after = await measure('etter (denne grenen)', root, files);

const pad = (s: string, n: number) => s.slice(0, n).padEnd(n);
console.log(`${pad('server', 22)} ${pad('fil', 62)} ${pad('svar', 6)} ${pad('tid til svar', 13)} ${pad('/healthz verst', 22)} ${pad('topp-RSS', 10)} svaret`);
for (const r of [...before, ...after]) {
  console.log(
    `${pad(r.server, 22)} ${pad(r.file, 62)} ${pad(String(r.status || '—'), 6)} ${pad(`${(r.ms / 1000).toFixed(2)} s`, 13)} ${pad(`${(r.healthWorstMs / 1000).toFixed(2)} s${r.healthFailed ? ` (${r.healthFailed} feilet)` : ''}`, 22)} ${pad(mb(r.peakRss), 10)} ${r.answer}`,
  );
}
console.log(`\nI alt ${((performance.now() - started) / 1000).toFixed(0)} s`);
