import { z } from 'zod';
import { commands } from '../application/commands/index';
import { commandRoutes } from '../http/routes';
import * as R from './responses';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
};

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema: schemaOf(schema, 'output') } },
});

const errors = {
  '400': json(R.ErrorResponse, 'Ugyldige data (feltene er navngitt)'),
  '404': json(R.ErrorResponse, 'Ukjent id'),
  '409': json(R.ErrorResponse, 'Konflikt: noen andre skrev samtidig (currentRevision)'),
  '412': json(R.ErrorResponse, 'If-Match er utdatert (currentRevision)'),
  '413': json(R.ErrorResponse, 'For stor forespørsel'),
  '422': json(R.ErrorResponse, 'En regel avviste kommandoen'),
};

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const spanParameters = [
  { name: 'from', in: 'query', schema: { type: 'string', examples: ['2026-T1'] }, description: 'første periode (med)' },
  { name: 'to', in: 'query', schema: { type: 'string', examples: ['2026-T3'] }, description: 'siste periode (med)' },
  { name: 'level', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'dybde i enhetstreet, 0 = kommunen' },
];
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const read = (summary: string, schema: z.ZodType, parameters: unknown[] = []) => ({
  get: { summary, parameters, responses: { '200': json(schema, 'OK'), '400': errors['400'], '404': errors['404'] } },
});

/** OpenAPI 3.1, generated from the zod schemas of the command inputs and the read models. */
export const openapiDocument = (publicUrl?: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of commandRoutes) {
    const spec = commands[route.command];
    if (!spec) continue;
    const path = toOpenApiPath(route.path);
    paths[path] = {
      post: {
        operationId: spec.name,
        summary: spec.summary,
        parameters: [
          ...(route.path.includes(':id') ? [idParameter] : []),
          { name: 'X-User-Id', in: 'header', schema: { type: 'string' }, description: 'hvem som registrerer (e-post)' },
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' }, description: 'gjentatt POST gir første svar' },
          { name: 'If-Match', in: 'header', schema: { type: 'string' }, description: 'revisjonen du sist så (ETag)' },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.input, 'input') } } },
        responses: { '201': json(R.WriteResult, 'Registrert (ETag: revisjonen)'), ...errors },
      },
    };
  }
  Object.assign(paths, {
    '/api/units': { ...paths['/api/units'], ...read('Enheter', z.array(R.UnitSummary)) },
    '/api/units/{id}': read('En enhet med historikk og timesatser', R.UnitDetail, [idParameter]),
    '/api/projects': { ...paths['/api/projects'], ...read('Prosjekter', z.array(R.ProjectSummary)) },
    '/api/projects/{id}': read('Et prosjekt: plan mot realisering', R.ProjectDetail, [idParameter]),
    '/api/benefits/{id}': read('En gevinst', R.BenefitView, [idParameter]),
    '/api/due': read('Gevinsteiers liste over det som forfaller', z.array(R.DueItem), [
      { name: 'owner', in: 'query', schema: { type: 'string' } },
      { name: 'at', in: 'query', schema: { type: 'string', format: 'date' } },
    ]),
    '/api/ledger': read('Gevinstregnskap på tvers av enheter', R.Ledger, spanParameters),
    '/api/ledger/matrix': read('Investor × mottaker', R.LedgerMatrix, spanParameters),
    '/api/ledger/imbalances': read('Ubalanser', R.Imbalances, spanParameters),
    '/api/ledger/balances': read('Åpne saldoer', R.Balances, spanParameters),
    '/api/ledger/trace': read('Hendelsene bak et tall', R.Trace, [
      ...spanParameters,
      { name: 'fromUnitId', in: 'query', schema: { type: 'string' } },
      { name: 'toUnitId', in: 'query', schema: { type: 'string' } },
    ]),
    '/api/portfolio': read('Status per enhet og periode', R.Portfolio, spanParameters),
    '/healthz': read('Helse', R.Health),
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Gevinst API', version: '0.1.0', description: 'Gevinstrealisering på tvers av enheter. Beløp i øre.' },
    servers: publicUrl ? [{ url: publicUrl }] : [],
    paths,
  };
};
