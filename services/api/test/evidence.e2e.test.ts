import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitView, ErrorResponse } from '@gevinst/domain/answers';
import { AS_ADMIN, answerOf, countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Evidence for a measurement (issue 17): a file is stored outside the event log, content-addressed,
// an event names it, the benefit lists it, and it comes back byte for byte to those who may read the benefit.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-evidence-'));
const MAX = 4096;
let g: TestGevinst;
let benefit = '';
beforeAll(async () => {
  g = await startTestGevinst({ demo: true, evidence: { maxBytes: MAX } }, dir);
  const kommune = await g.created('/api/units', { name: 'Testvik kommune' });
  const byggesak = await g.created('/api/units', { name: 'Byggesak', parentId: kommune });
  const project = await g.created('/api/projects', { name: 'Digital byggesak', ownerUnitId: byggesak, projectLeader: 'pl@testvik.no' });
  benefit = await g.created(`/api/projects/${project}/benefits`, {
    title: 'Færre timer per byggesak', recipientUnitId: byggesak, owner: 'eier@testvik.no', indicator: 'Timer per sak',
    unitOfMeasure: 'timer', direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: 600_00,
    plan: [{ period: '2026-T1', quantity: 100 }],
  });
});
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (body: Uint8Array<ArrayBuffer> | string, type: string, query = 'fileName=m%C3%A5ling.pdf&measuredOn=2026-03-01', headers: Record<string, string> = AS_ADMIN) =>
  fetch(`${g.url}/api/benefits/${benefit}/evidence?${query}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
const storedFiles = () => {
  const root = join(dir, 'evidence');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name);
};
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, ...Array.from({ length: 300 }, (_, i) => i % 256)]);

describe('evidence attached to a benefit', () => {
  let attachmentId = '';

  it('uploads a file, lists it on the benefit, and gives the same bytes back as a download', async () => {
    const res = await answerOf<{ attachmentId: string; id: string }>(await upload(pdf, 'application/pdf'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    attachmentId = res.body.attachmentId;
    expect(attachmentId).toMatch(/^[0-9a-f]{64}$/);

    const view = await g.get<BenefitView>(`/api/benefits/${benefit}`);
    expect(view.body.attachments).toEqual([
      expect.objectContaining({ attachmentId, fileName: 'måling.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, measuredOn: '2026-03-01', attachedBy: 'admin' }),
    ]);

    const download = await fetch(`${g.url}/api/benefits/${benefit}/evidence/${attachmentId}`, { headers: AS_ADMIN });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''m%C3%A5ling\.pdf/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it('cleans the file name: no folders, no control characters', async () => {
    const res = await answerOf<{ attachmentId: string }>(await upload('a;b\n', 'text/csv', `fileName=${encodeURIComponent('../../etc/\u0000pass"wd.csv')}`));
    expect(res.status).toBe(201);
    const view = await g.get<BenefitView>(`/api/benefits/${benefit}`);
    expect(view.body.attachments.find((a) => a.attachmentId === res.body.attachmentId)?.fileName).toBe('passwd.csv');
  });

  it('refuses a file above the limit with 413 and keeps nothing, also when the size is not declared', async () => {
    const events = await countEvents(g);
    const files = storedFiles();
    const big = new Uint8Array(MAX + 1).fill(7);
    const declared = await upload(big, 'application/pdf');
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorResponse).error.code).toBe('payload_too_large');

    const chunks = [new Uint8Array(MAX).fill(1), new Uint8Array(MAX).fill(2)];
    const undeclared = await fetch(`${g.url}/api/benefits/${benefit}/evidence?fileName=stor.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', ...AS_ADMIN },
      body: new ReadableStream({ pull: (c) => { const next = chunks.shift(); if (next) c.enqueue(next); else c.close(); } }),
      duplex: 'half',
    } as RequestInit).catch(() => null);
    // the server answers 413 (or closes the connection mid-upload); either way nothing is kept
    if (undeclared) expect(undeclared.status).toBe(413);
    expect(await countEvents(g)).toBe(events);
    expect(storedFiles()).toEqual(files);
  });

  it('refuses a file type not on the list (415) and a missing file name (400), and keeps nothing', async () => {
    const events = await countEvents(g);
    const files = storedFiles();
    const html = await answerOf<ErrorResponse>(await upload('<script>alert(1)</script>', 'text/html', 'fileName=x.html'));
    expect(html.status).toBe(415);
    expect(html.body.error.message).toMatch(/Filtypen er ikke tillatt/);
    const nameless = await answerOf<ErrorResponse>(await upload('hei', 'text/plain', ''));
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.fields.map((f) => f.path)).toEqual(['fileName']);
    expect(await countEvents(g)).toBe(events);
    expect(storedFiles()).toEqual(files);
  });

  it('answers 403 to someone without the right to record on the benefit, or to read it, and keeps nothing', async () => {
    const cookie = await loginAs(g.url, 'byggesak@fjordvik.kommune.no');
    const me = { authorization: '', cookie, origin: g.url };
    const events = await countEvents(g);
    const files = storedFiles();
    expect((await upload(pdf, 'application/pdf', 'fileName=ny.pdf', me)).status).toBe(403);
    expect((await fetch(`${g.url}/api/benefits/${benefit}/evidence/${attachmentId}`, { headers: me })).status).toBe(403);
    expect(await countEvents(g)).toBe(events);
    expect(storedFiles()).toEqual(files);
  });

  it('answers 404 for a file the benefit does not name', async () => {
    expect((await fetch(`${g.url}/api/benefits/${benefit}/evidence/${'0'.repeat(64)}`, { headers: AS_ADMIN })).status).toBe(404);
    expect((await fetch(`${g.url}/api/benefits/${benefit}/evidence/..%2F..%2Fgevinst.sqlite`, { headers: AS_ADMIN })).status).toBe(404);
  });
});
