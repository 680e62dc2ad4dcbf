/**
 * The reminders' start (the scheduler, the action and the calendar reminders, as the API runs them) on a
 * generated kommune (services/api/bench/generate.ts): a cold start (every event read), a restart on the
 * same file, and planning every benefit again — each in its own process,
 * for this tree and, with BENCH_BASELINE (a checkout of another commit with its node_modules), for that
 * tree on an identical copy of the store, side by side.
 * Env: BENCH_START_EVENTS (default 12,000 before the revisions), BENCH_START_PROJECTS (default 200, three
 * benefits each; the issue's kommune is 1,000,000 events and 5,000 projects).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { generateMunicipality } from '../../api/bench/generate';

interface Run {
  startMs: number;
  jobs: number;
  rssMiB: number;
  benefits: number;
  planMs: number;
  /** per part (the scheduler, the action and the calendar reminders): events read to catch up, -1 where the tree does not tell */
  eventsRead: { scheduler: number; actions: number; calendar: number };
}

export const runStartBench = async (): Promise<void> => {
  const events = Number(process.env.BENCH_START_EVENTS ?? 12_000);
  const projects = Number(process.env.BENCH_START_PROJECTS ?? 200);
  const here = dirname(fileURLToPath(import.meta.url));
  const trees = [{ label: 'this tree', root: join(here, '..', '..', '..') }];
  if (process.env.BENCH_BASELINE) trees.push({ label: 'baseline', root: process.env.BENCH_BASELINE });
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-reminders-start-'));
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  try {
    const db = join(dir, 'store.sqlite');
    const store = openSqliteEventStore({ path: db, synchronous: 'NORMAL' });
    const streams = generateMunicipality({ units: Math.max(10, Math.round(projects / 10)), projects, totalEvents: events });
    // the generated history records every planned tertial; a revision that adds 2027 leaves values to remind of
    for (const s of streams) {
      const planned = s.events[0];
      if (planned?.type !== 'BenefitPlanned') continue;
      const plan = [...(planned.data.plan as { period: string; quantity: number }[]), ...['2027-T1', '2027-T2', '2027-T3'].map((period) => ({ period, quantity: 10 }))];
      s.events.push({ type: 'BenefitForecastRevised', data: { benefitId: planned.data.benefitId, plan, reason: 'Forlenget' }, metadata: { userId: 'bench@gevinst.no', recordedAt: '2026-11-02T12:00:00.000Z' } });
    }
    const total = streams.reduce((n, s) => n + s.events.length, 0);
    for (let i = 0; i < streams.length; i += 256)
      await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
    await store.close();
    console.log(`stored ${fmt(total)} events (${fmt(projects * 3)} benefits)`);

    const child = (root: string, path: string): Run => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'startChild.ts')], {
        env: { ...process.env, BENCH_ROOT: root, BENCH_DB: path, REDIS_URL: '' },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
    };
    const rows: [string, string, string, string][] = [];
    for (const tree of trees) {
      const copy = join(dir, `${tree.label.replace(/\W/g, '-')}.sqlite`);
      copyFileSync(db, copy);
      const cold = child(tree.root, copy);
      console.log(`  ${tree.label}: cold start ${fmt(cold.startMs)} ms`);
      const restart = child(tree.root, copy);
      console.log(`  ${tree.label}: restart ${fmt(restart.startMs)} ms`);
      const read = ({ scheduler, actions, calendar }: Run['eventsRead']) => [scheduler, actions, calendar].map((n) => (n < 0 ? '?' : fmt(n))).join(' / ');
      rows.push([
        tree.label,
        `${fmt(cold.startMs)} ms (${fmt(cold.jobs)} jobs, RSS ${fmt(cold.rssMiB)} MiB, read ${read(cold.eventsRead)})`,
        `${fmt(restart.startMs)} ms (${fmt(restart.jobs)} jobs, RSS ${fmt(restart.rssMiB)} MiB, read ${read(restart.eventsRead)})`,
        `${fmt(restart.planMs)} ms for ${fmt(restart.benefits)} benefits`,
      ]);
    }
    console.log(`\nreminders start (scheduler, action and calendar reminders) — ${fmt(total)} events (embedded queue, the shipped default); read: events each of scheduler / action / calendar reminders read to catch up`);
    const head: [string, string, string, string] = ['', 'cold start (to caught up)', 'restart (to caught up)', 'planning every benefit again'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    for (const r of [head, ...rows]) console.log(`  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('   ')}`);
    console.log('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
