import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as R from '../src/openapi/responses';
import { startTestGevinst, type TestGevinst } from './helpers';
import type { OpenApiDocument } from './openapiDocument';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst({ demo: true });
});
afterAll(async () => {
  await g?.destroy();
});

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the express app serves: `METHOD /path`, nested routers (mounted without a path) included. */
const servedRoutes = (stack: Layer[]): string[] =>
  stack.flatMap((layer) => {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
      return paths.flatMap((path) => methods.map((m) => `${m.toUpperCase()} ${path}`));
    }
    return layer.handle?.stack ? servedRoutes(layer.handle.stack) : [];
  });

const toOpenApi = (route: string) => route.replace(/:(\w+)/g, '{$1}');

describe('GET /api/openapi.json', () => {
  it('describes every route the app serves, and serves every route it describes', async () => {
    const served = [...new Set(servedRoutes((g.app as unknown as { router: { stack: Layer[] } }).router.stack).map(toOpenApi))].sort();
    // sanity: the walk found the command routes, the reads and the spreadsheet router's routes
    expect(served).toEqual(
      expect.arrayContaining([
        'POST /api/projects/{id}/benefits',
        'GET /api/ledger',
        'POST /api/admin/rebuild',
        'POST /api/projects/{id}/import',
        'GET /api/export/ledger.{format}',
      ]),
    );
    const doc = (await g.get<OpenApiDocument>('/api/openapi.json')).body;
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('lists asOf on the ledger reports, the portfolio and the exports, and the spreadsheet routes with their parameters', async () => {
    const doc = (await g.get<OpenApiDocument>('/api/openapi.json')).body;
    const params = (path: string, method = 'get') => (doc.paths[path]?.[method]?.parameters ?? []).map((p) => p.name);
    for (const path of ['/api/ledger', '/api/ledger/matrix', '/api/ledger/imbalances', '/api/ledger/balances', '/api/portfolio', '/api/export/ledger.{format}', '/api/export/portfolio.{format}'])
      expect(params(path), path).toEqual(expect.arrayContaining(['from', 'to', 'level', 'asOf']));
    expect(params('/api/export/ledger.{format}')).toEqual(expect.arrayContaining(['format', 'view']));
    expect(params('/api/projects/{id}/import', 'post')).toEqual(expect.arrayContaining(['id', 'dryRun', 'units']));
    expect(params('/api/templates/gevinstrealiseringsplan.xlsx')).toEqual(expect.arrayContaining(['fromYear', 'years', 'granularity']));
    const planBenefit = doc.paths['/api/projects/{id}/benefits']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(planBenefit?.properties ?? {})).toEqual(expect.arrayContaining(['change', 'comment']));
    expect(planBenefit?.required).not.toContain('change');
  });

  it('the answer shapes it documents match what the read routes answer (demo municipality)', async () => {
    const project = g.readModels.projects.list().find((p) => p.benefitCount > 0)!;
    const unit = g.readModels.units.list()[0]!;
    const checks: [string, z.ZodType][] = [
      ['/api/units', R.UnitSummary.array()],
      [`/api/units/${unit.id}`, R.UnitDetail],
      ['/api/projects', R.ProjectSummary.array()],
      [`/api/projects/${project.id}`, R.ProjectDetail],
      ['/api/ledger', R.Ledger],
      ['/api/ledger/matrix?level=1', R.LedgerMatrix],
      ['/api/ledger/imbalances', R.Imbalances],
      ['/api/ledger/balances', R.Balances],
      ['/api/ledger/trace', R.Trace],
      ['/api/portfolio?from=2025-T1&to=2026-T3', R.Portfolio],
      ['/api/ledger?asOf=2099-01-01', R.Ledger],
      ['/healthz', R.Health],
    ];
    for (const [path, schema] of checks) {
      const res = await g.get(path);
      expect(res.status, path).toBe(200);
      const parsed = schema.safeParse(res.body);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), path).toEqual([]);
    }
  });
});
