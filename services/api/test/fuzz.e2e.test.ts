import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRoutes } from '../src/http/routes';
import type { ErrorResponse, ProjectDetail, ProjectSummary, UnitSummary } from '@gevinst/domain/answers';
import { AS_ADMIN, startTestGevinst, type TestGevinst } from './helpers';
import type { OpenApiDocument } from './openapiDocument';

let g: TestGevinst;
let ids: string[];
beforeAll(async () => {
  g = await startTestGevinst({ demo: true });
  const units = (await g.get<UnitSummary[]>('/api/units')).body.map((u) => u.id);
  const projects = (await g.get<ProjectSummary[]>('/api/projects')).body.map((p) => p.id);
  const benefits = (await g.get<ProjectDetail>(`/api/projects/${projects[0]}`)).body.benefits.map((b) => b.id);
  ids = [...units.slice(0, 3), ...projects.slice(0, 2), ...benefits];
});
afterAll(async () => {
  await g.destroy();
});

const readPaths = [
  '/api/units',
  '/api/units/:id',
  '/api/projects',
  '/api/projects/:id',
  '/api/benefits/:id',
  '/api/due',
  '/api/ledger',
  '/api/ledger/matrix',
  '/api/ledger/imbalances',
  '/api/ledger/balances',
  '/api/ledger/trace',
  '/api/portfolio',
  '/api/openapi.json',
  '/healthz',
];

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '%', '%E0%A4%A', '..', '../../etc/passwd', '__proto__', 'constructor', '2026-T4', '2026-T1', '-1', '1e309', 'null'),
);
const id = () => fc.oneof(fc.constantFrom(...ids), weirdString);
const value = () => fc.oneof(
  fc.constantFrom(...ids),
  fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  fc.array(fc.record({ period: fc.constantFrom('2026-T1', '2025', 'x'), quantity: fc.oneof(fc.integer(), fc.double()) }), { maxLength: 3 }),
  fc.jsonValue(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, -0, '2026-T1', '2026', '2026-13', 'a@b.no', true),
  fc.string({ minLength: 1000, maxLength: 5000 }),
);
const fieldNames = [
  'name', 'parentId', 'orgNumber', 'leader', 'newParentId', 'effectiveDate', 'mergedUnitIds', 'successorName', 'year', 'rateOre', 'source',
  'ownerUnitId', 'projectLeader', 'thresholds', 'payerUnitId', 'amountOre', 'period', 'kind', 'phase', 'reason', 'title', 'recipientUnitId',
  'owner', 'indicator', 'unitOfMeasure', 'direction', 'category', 'cashReleasing', 'valuationOrePerUnit', 'baseline', 'target', 'targetDate',
  'plan', 'value', 'measuredOn', 'quantity', 'comment', 'evidenceUrl', 'saksnummer', 'fromUnitId', 'toUnitId', 'projectId', 'valueOre', 'description',
  '__proto__', 'constructor',
];
const body = () => fc.oneof(
  fc.dictionary(fc.constantFrom(...fieldNames), value(), { maxKeys: 12 }).map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"name":', '[]', 'null', '"x"', '{"__proto__": {"isAdmin": true}}', '\u0000'),
);
const fill = (path: string, idValue: string) => path.replace(':id', encodeURIComponent(idValue));
const query = fc.dictionary(fc.constantFrom('from', 'to', 'level', 'owner', 'at', 'fromUnitId', 'toUnitId', 'x'), weirdString, { maxKeys: 4 });

/** Any of the three kinds of request below; the fields a kind lacks are absent. */
interface FuzzRequest {
  method: string;
  path: string;
  id: string;
  body?: string;
  query?: Record<string, string>;
  ifMatch?: string | null;
  key?: string | null;
}

const requests = () => fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constantFrom(...commandRoutes.map((r) => r.path)), id: id(), body: body(), ifMatch: fc.option(weirdString), key: fc.option(weirdString) }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom(...readPaths), id: id(), query }),
  fc.record({ method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'POST'), path: fc.constantFrom(...readPaths, '/api/nowhere', '/x'), id: id(), body: body() }),
);

describe('fuzzing the routes', () => {
  it('never answers 5xx, whatever the input, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(requests(), async (r: FuzzRequest) => {
        let url = g.url + fill(r.path, r.id);
        if (r.query) url += `?${new URLSearchParams(r.query).toString()}`;
        const headers: Record<string, string> = { 'content-type': 'application/json', ...AS_ADMIN };
        const safe = (s: string) => s.replace(/[^\x20-\x7e]/g, '');
        if (r.ifMatch) headers['if-match'] = safe(r.ifMatch);
        if (r.key) headers['idempotency-key'] = safe(r.key);
        const res = await fetch(url, { method: r.method, headers, body: r.method === 'GET' ? undefined : r.body });
        const text = await res.text();
        expect(res.status, `${r.method} ${url} ${String(r.body).slice(0, 200)} → ${text.slice(0, 300)}`).toBeLessThan(500);
        if (url.includes('/api/') && res.status >= 400) expect(JSON.parse(text).error.code).toEqual(expect.any(String));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    expect((await g.get('/healthz')).status).toBe(200);
  });

  it('refuses a body above the limit with 413, and a huge query with 4xx', async () => {
    const res = await g.post<ErrorResponse>('/api/units', { name: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const long = await fetch(`${g.url}/api/ledger?from=${'9'.repeat(50_000)}`);
    expect(long.status).toBeLessThan(500);
    expect((await g.get('/healthz')).status).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('describes every contract route, generated from the zod schemas', async () => {
    const doc = (await g.get<OpenApiDocument>('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of commandRoutes) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.post;
      expect(op, route.path).toBeDefined();
      expect(op?.requestBody?.content['application/json']?.schema.type).toBe('object');
      expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '404', '409', '412', '422']));
    }
    expect(doc.paths['/api/projects/{id}/costs']?.post?.requestBody?.content['application/json']?.schema.properties?.kind?.enum).toEqual(['one-off', 'annual']);
    // a path parameter beside :id is a parameter, not a body field
    const correction = doc.paths['/api/projects/{id}/costs/{costId}/corrections']?.post;
    expect(correction?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'costId']));
    expect(Object.keys(correction?.requestBody?.content['application/json']?.schema.properties ?? {})).not.toContain('costId');
    for (const path of ['/api/ledger', '/api/ledger/matrix', '/api/ledger/imbalances', '/api/ledger/balances', '/api/ledger/trace', '/api/portfolio', '/api/due'])
      expect(doc.paths[path]?.get?.responses['200']).toBeDefined();
  });
});
