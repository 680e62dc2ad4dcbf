/**
 * pnpm bench:commands — the command path alone: `application.handle` recording measurements on the
 * existing benefits of a generated store (no HTTP, no reminder service), 32 commands in flight, in a
 * fresh process per tree on a copy of one store. Prints commands/s, CPU per command and p99 for a first
 * pass (each benefit's first command reads its whole stream) and a second pass over the same benefits.
 * Env: BENCH_EVENTS (default 50000; 1000000 for the large kommune), BENCH_COMMANDS (per pass, default
 * 2000), BENCH_BASELINE (a checkout of another commit with its node_modules: measured in the same run).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { openSqliteEventStore } from '@gevinst/eventstore';
import type { startGevinst as StartGevinst } from '../src/server';
import { generateMunicipality } from './generate';

const here = fileURLToPath(import.meta.url);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Pass {
  wallMs: number;
  cpuMs: number;
  p99: number;
}

/** in a child process: `root`'s server on a copy of `db`, two passes of commands; prints the passes as JSON */
const measure = async (root: string, db: string) => {
  // the tree's own server (the baseline's when measuring the baseline); its shape is this tree's
  const { startGevinst } = (await import(pathToFileURL(join(root, 'services', 'api', 'src', 'server.ts')).href)) as { startGevinst: typeof StartGevinst };
  const benefitIds = JSON.parse(readFileSync(`${db}.ids`, 'utf8')) as string[];
  const g = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: db, demo: false, reminders: false, logger: pino({ level: 'error' }) });
  const pass = async (): Promise<Pass> => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < COMMANDS; i = next++) {
        const started = performance.now();
        await g.handle({
          command: 'recordMeasurement',
          targetId: benefitIds[(i * 7919) % benefitIds.length],
          input: { value: 40 + (i % 60), measuredOn: '2026-10-01' },
          userId: 'bench@gevinst.no',
        });
        latencies.push(performance.now() - started);
      }
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: 32 }, worker));
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    latencies.sort((a, b) => a - b);
    return { wallMs, cpuMs: (used.user + used.system) / 1000, p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN };
  };
  const first = await pass();
  const second = await pass();
  await g.close();
  process.stdout.write(`\n${JSON.stringify({ first, second })}\n`);
};

if (process.argv[2] === 'measure') {
  await measure(process.argv[3]!, process.argv[4]!);
} else {
  const TOTAL = Number(process.env.BENCH_EVENTS ?? 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-'));
  try {
    const streams = generateMunicipality({ units: 500, projects: Math.max(50, Math.min(5_000, Math.round(TOTAL / 200))), totalEvents: TOTAL });
    const benefitIds = streams.flatMap((s) => (s.streamName.startsWith('benefit-') ? [s.streamName.slice('benefit-'.length)] : []));
    const pristine = join(dir, 'pristine.sqlite');
    const store = openSqliteEventStore({ path: pristine, synchronous: 'NORMAL' });
    for (let i = 0; i < streams.length; i += 256)
      await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const trees = [{ label: 'this tree', root: join(dirname(here), '..', '..', '..') }];
    if (process.env.BENCH_BASELINE) trees.push({ label: `baseline ${process.env.BENCH_BASELINE}`, root: process.env.BENCH_BASELINE });
    console.log(`${fmt(TOTAL)} events, ${fmt(benefitIds.length)} benefits, ${fmt(COMMANDS)} commands per pass, 32 in flight, synchronous=FULL`);
    console.log('\n| tree | pass | commands/s | CPU per command | p99 |\n|---|---|---|---|---|');
    for (const tree of trees) {
      const db = join(dir, 'served.sqlite');
      rmSync(db, { force: true });
      copyFileSync(pristine, db);
      writeFileSync(`${db}.ids`, JSON.stringify(benefitIds));
      const child = spawnSync(process.execPath, ['--import', 'tsx', here, 'measure', tree.root, db], { cwd: tree.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      if (child.status !== 0 || !line.startsWith('{')) throw new Error(`${tree.label}: exited with ${child.status}: ${child.stdout.slice(-500)}`);
      const passes = JSON.parse(line) as { first: Pass; second: Pass };
      for (const [name, p] of [
        ['first (each benefit read whole once)', passes.first],
        ['second (same benefits)', passes.second],
      ] as const)
        console.log(`| ${tree.label} | ${name} | ${fmt(COMMANDS / (p.wallMs / 1000))} | ${(p.cpuMs / COMMANDS).toFixed(2)} ms | ${fmt(p.p99)} ms |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
