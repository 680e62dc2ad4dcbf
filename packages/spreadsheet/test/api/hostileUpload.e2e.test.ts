/**
 * Issue 11: one anonymous 16 MB XLSX to the import dry run blocked the event loop for 27 s (GET
 * /healthz timed out) and took the server to 2.8 GB. An upload is now bounded before it is parsed
 * (packed size, the zip directory's unpacked sizes, the real unpacked sizes, rows with a value) and
 * read in a worker thread with a memory cap and a time limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_UPLOAD_LIMITS, count, megabytes, type UploadLimits } from '../../src/upload/limits';
import { hostilePlan, PLAN_SHEET_PART, understateSize } from '../fixtures/hostile';
import { startSheetGevinst, XLSX, type ImportAnswer, type SheetGevinst } from './gevinst';
import { AS_ADMIN } from '../../../../services/api/test/helpers';

interface Server {
  g: SheetGevinst;
  projectId: string;
}

async function server(uploadLimits: UploadLimits): Promise<Server> {
  const g = await startSheetGevinst({ demo: false, uploadLimits });
  const kommune = await g.send('registerUnit', { name: 'Testvik kommune', parentId: null });
  await g.send('registerUnit', { name: 'Oppvekst', parentId: kommune });
  const projectId = await g.send('registerProject', { name: 'Grenser', ownerUnitId: kommune, projectLeader: 'leder@kommune.no' });
  return { g, projectId };
}

/** The upload to the API's own server (the one that answers /healthz). */
async function upload(s: Server, bytes: Uint8Array, query = '?dryRun=1') {
  const res = await fetch(`${s.g.api.url}/api/projects/${s.projectId}/import${query}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, ...AS_ADMIN },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ImportAnswer };
}

/** GET /healthz on a connection of its own, given 2 s to answer; 0 when it did not */
const health = (s: Server) =>
  new Promise<number>((resolve) => {
    const req = get(`${s.g.api.url}/healthz`, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });

const events = async (s: Server) => (await s.g.api.store.readAll()).length;

/**
 * Runs `work` while GET /healthz is polled back to back (each poll given 2 s to answer) and the
 * process's memory is sampled; the server and its worker threads live in this process.
 */
async function watched<T>(s: Server, work: () => Promise<T>): Promise<{ result: T; polls: number[]; rssGrowthMb: number }> {
  const polls: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  let done = false;
  const poller = (async () => {
    while (!done) {
      polls.push(await health(s));
      await sleep(50);
    }
  })();
  try {
    const result = await work();
    return { result, polls, rssGrowthMb: (rssPeak - rssBefore) / 1e6 };
  } finally {
    done = true;
    clearInterval(sampler);
    await poller;
  }
}

let bomb: { bytes: Buffer; unpacked: number };
let defaults: Server;

beforeAll(async () => {
  // < 1 MB packed, ~147 MB unpacked: 377,000 rows that are all the same bytes (the plan row has grown
  // by three columns; the bomb keeps the size its limits were tuned with)
  bomb = await hostilePlan({ rows: 377_000, alike: true });
  expect(bomb.bytes.length).toBeLessThan(DEFAULT_UPLOAD_LIMITS.maxBytes);
  expect(bomb.unpacked).toBeGreaterThan(100e6);
  defaults = await server(DEFAULT_UPLOAD_LIMITS);
}, 120_000);
afterAll(async () => {
  await defaults?.g.close();
});

describe('a spreadsheet upload is bounded before it is parsed', () => {
  it('three zip bombs at once: 413 naming the unpacked size and the limit, /healthz answers throughout, nothing written, memory flat', async () => {
    const before = await events(defaults);
    const { result, polls, rssGrowthMb } = await watched(defaults, () =>
      Promise.all([upload(defaults, bomb.bytes), upload(defaults, bomb.bytes), upload(defaults, bomb.bytes, '')]),
    );
    const message = `Filen er for stor: utpakket ${megabytes(bomb.unpacked)}, grensen er 50 MB`;
    for (const res of result) {
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: 'file_too_large', message, fields: [{ path: 'file', message }] } });
    }
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((status) => status === 200)).toBe(true);
    expect(rssGrowthMb).toBeLessThan(500);
    expect(await events(defaults)).toBe(before);
  });

  it('a zip whose directory understates an entry is refused once the entry unpacks past what it declared', async () => {
    const liar = understateSize(bomb.bytes, PLAN_SHEET_PART, 900_000);
    const before = await events(defaults);
    const { result, polls, rssGrowthMb } = await watched(defaults, () => upload(defaults, liar, ''));
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('file_too_large');
    expect(result.body.error.message).toBe('Filen kan ikke leses trygt: en del av den pakker ut til mer enn filen selv oppgir');
    expect(polls.every((status) => status === 200)).toBe(true);
    expect(rssGrowthMb).toBeLessThan(500);
    expect(await events(defaults)).toBe(before);
  });

  it('25,000 rows (a small file, 1 MB): refused with the rows limit, counted as the sheet streams', async () => {
    const { bytes } = await hostilePlan({ rows: 25_000 });
    expect(bytes.length).toBeLessThan(2e6);
    const before = await events(defaults);
    const res = await upload(defaults, bytes, '');
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: 'file_too_large',
      message: `Filen har for mange rader: over ${count(20_000)} rader med innhold i ett ark, grensen er ${count(20_000)}`,
      fields: [{ path: 'file', message: res.body.error.message }],
    });
    expect(await events(defaults)).toBe(before);
  });

  it('a body over the packed limit is refused before it is read', async () => {
    const res = await upload(defaults, Buffer.alloc(6_000_000, 7));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('Filen er for stor: 6 MB, grensen er 5 MB');
    expect(await health(defaults)).toBe(200);
  });
});

describe('the row limit is the boundary', () => {
  let s: Server;
  beforeAll(async () => {
    s = await server({ ...DEFAULT_UPLOAD_LIMITS, maxRows: 100 });
  });
  afterAll(async () => {
    await s?.g.close();
  });

  it('100 rows are read; 101 are refused, and nothing is written', async () => {
    const at = await upload(s, (await hostilePlan({ rows: 99 })).bytes); // + the header row
    expect(at.status).toBe(200);
    expect(at.body.benefits).toBe(99);
    const before = await events(s);
    const over = await upload(s, (await hostilePlan({ rows: 100 })).bytes, '');
    expect(over.status).toBe(413);
    expect(over.body.error.message).toBe('Filen har for mange rader: over 100 rader med innhold i ett ark, grensen er 100');
    expect(await events(s)).toBe(before);
  });
});

describe('with the size bounds lifted, a hostile file is read off the event loop', () => {
  let s: Server;
  const limits: UploadLimits = {
    ...DEFAULT_UPLOAD_LIMITS,
    maxUnzippedBytes: 4e9,
    maxCompressionRatio: 1e6,
    maxRows: 1e8,
    concurrency: 1,
    maxQueued: 0,
    timeoutMs: 8_000, // a fresh worker (tsx + exceljs) takes 1–3 s to start on a busy host
  };
  beforeAll(async () => {
    s = await server(limits);
  });
  afterAll(async () => {
    await s?.g.close();
  });

  it('the worker is stopped at its time or memory limit (413), /healthz answers throughout, an upload beyond the queue gets 503 with Retry-After', async () => {
    const before = await events(s);
    const { result, polls, rssGrowthMb } = await watched(s, async () => {
      const first = upload(s, bomb.bytes);
      await sleep(500); // the first has its worker
      const second = await upload(s, bomb.bytes);
      return [await first, second] as const;
    });
    const [first, second] = result;
    expect(first.status).toBe(413);
    expect(first.body.error.message).toMatch(/^Filen (tok for lang tid å lese \(over 8 sekunder\)|er for stor til å lese: den trenger mer enn 256 MB minne)/);
    expect(second.status).toBe(503);
    expect(second.body.error.code).toBe('import_busy');
    expect(second.headers.get('retry-after')).toBe('8');
    expect(polls.length).toBeGreaterThan(10);
    expect(polls.every((status) => status === 200)).toBe(true);
    expect(rssGrowthMb).toBeLessThan(800);
    expect(await events(s)).toBe(before);
    // the stopped worker is replaced: a real plan is read as before
    const plan = await upload(s, (await hostilePlan({ rows: 3 })).bytes);
    expect(plan.status).toBe(200);
    expect(plan.body.benefits).toBe(3);
  });
});
