import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUi } from '../build';

/**
 * The README's first command as a newcomer runs it: `pnpm start` on a new file with the demo. The UI
 * built by this run's global set-up is reused, the first thing logged is not an alarm, and Ctrl-C (a
 * SIGINT to the whole process group, as a terminal sends it) stops it cleanly, without pnpm's
 * "ELIFECYCLE Command failed".
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'gevinst-start-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pnpm start', () => {
  it('reuses a UI build whose sources did not change', async () => {
    expect(await buildUi()).toBe('reused');
  });

  it('starts with the demo, says where to open it, and stops on Ctrl-C with exit code 0', async () => {
    const child = spawn('pnpm', ['start'], {
      cwd: repo,
      detached: true, // its own process group, which the "Ctrl-C" below signals as a terminal would
      env: { ...process.env, NODE_ENV: '', PORT: '0', HOST: '127.0.0.1', GEVINST_DB: join(tmp, 'gevinst.sqlite'), GEVINST_REMINDERS: '0', GEVINST_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /open (http:\/\/\S+) in a browser/.exec(output);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`pnpm start exited early:\n${output}`));
        }
      }, 100);
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(output).toContain('the web UI is unchanged since its last build; reusing it');
    // the demo's own mergers are completed as they happen, not reported as damage left by a crash
    expect(output).not.toMatch(/incomplete merger|left half-recorded/);
    expect(output).toContain('demo municipality loaded');

    if (child.pid === undefined) throw new Error('pnpm start has no pid');
    process.kill(-child.pid, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('gevinst api stopped');
    expect(output).not.toContain('ELIFECYCLE');
  });
});
