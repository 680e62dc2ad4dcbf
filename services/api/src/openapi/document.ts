import { z } from 'zod';
import { TertialReportSchema } from '@gevinst/domain/report';
import { TertialReportQuerySchema } from '../http/routers/tertialReport';
import { commands } from '../application/commands/index';
import { commandRoutes } from '../http/routes';
import { EVIDENCE_CONTENT_TYPES } from '@gevinst/domain/events';
import * as Q from './queries';
import * as R from './responses';
import * as I from '../application/inputs';

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
  '401': json(R.ErrorResponse, 'Ikke innlogget (unauthenticated): logg inn, eller send Authorization: Bearer <token>'),
  '403': json(R.ErrorResponse, 'Ikke tilgang (forbidden): meldingen sier hvem som kan'),
  '404': json(R.ErrorResponse, 'Ukjent id'),
  '409': json(
    R.ErrorResponse,
    'Konflikt: noen andre skrev samtidig (currentRevision), eller gevinsten overlapper et annet prosjekts gevinst (benefit_overlaps, overlaps)',
  ),
  '412': json(R.ErrorResponse, 'If-Match er utdatert (currentRevision)'),
  '413': json(R.ErrorResponse, 'For stor forespørsel'),
  '422': json(R.ErrorResponse, 'En regel avviste kommandoen, eller Idempotency-Key er brukt før med en annen forespørsel (idempotency_key_reused)'),
};

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** OpenAPI query parameters from a zod object: one per property, its JSON schema and description. */
const queryParameters = (query: z.ZodObject): unknown[] =>
  Object.entries(query.shape).map(([name, schema]) => {
    const { description, ...json } = schemaOf(schema as z.ZodType, 'input');
    return { name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: json, ...(description ? { description } : {}) };
  });

const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileAnswer = {
  description: 'Filen (Content-Disposition: attachment; X-Export-Rows: antall rader)',
  content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } },
};
const formatParameter = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['xlsx', 'csv'] } };
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const read = (summary: string, schema: z.ZodType, parameters: unknown[] = []) => ({
  get: { summary, parameters, responses: { '200': json(schema, 'OK'), '400': errors['400'], '401': errors['401'], '403': errors['403'], '404': errors['404'] } },
});

/** a tertial report's document: the file for the query's tertial, unit and instant */
const tertialDocument = (summary: string, type: string) => ({
  get: { summary, parameters: queryParameters(TertialReportQuerySchema), responses: { '200': binary(type, 'Dokumentet (Content-Disposition: attachment for PDF og DOCX)'), '400': errors['400'], '401': errors['401'], '403': errors['403'] } },
});

const exportRoute = (summary: string, parameters: unknown[]) => ({
  get: { summary, parameters, responses: { '200': fileAnswer, '400': errors['400'], '401': errors['401'], '403': errors['403'], '404': errors['404'] } },
});

/** a step of the browser's login; answered with a redirect or a page, not JSON */
const loginStep = (method: 'get' | 'post', summary: string, parameters: unknown[] = []) => ({
  [method]: { summary, parameters, security: [], responses: { '302': { description: 'Videre i innloggingen' }, '200': { description: 'Innloggingssiden (HTML)' } } },
});

const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** an edit of the gevinstkart (its own router: PATCH and DELETE beside POST) */
const mapWrite = (operationId: string, body: z.ZodType | null, parameters: unknown[], ok: '200' | '201') => ({
  operationId,
  summary: commands[operationId]?.summary ?? operationId,
  parameters: [...parameters, { name: 'If-Match', in: 'header', schema: { type: 'string' }, description: 'revisjonen av kartet du sist så (ETag)' }],
  ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } } } : {}),
  responses: { [ok]: json(R.WriteResult, 'Lagret (ETag: kartets revisjon)'), ...errors },
});

/** OpenAPI 3.1, generated from the zod schemas of the command inputs and the read models. */
export const openapiDocument = (publicUrl?: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of commandRoutes) {
    const spec = commands[route.command];
    if (!spec) continue;
    const path = toOpenApiPath(route.path);
    const fromPath = [...route.path.matchAll(/:(\w+)/g)].flatMap((m) => (m[1] && m[1] !== 'id' ? [m[1]] : []));
    const body = spec.input instanceof z.ZodObject && fromPath.length ? z.object(Object.fromEntries(Object.entries(spec.input.shape).filter(([name]) => !fromPath.includes(name)))) : spec.input;
    paths[path] = {
      post: {
        operationId: spec.name,
        summary: spec.summary,
        parameters: [
          ...(route.path.includes(':id') ? [idParameter] : []),
          ...fromPath.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' }, description: 'gjentatt POST gir første svar' },
          { name: 'If-Match', in: 'header', schema: { type: 'string' }, description: 'revisjonen du sist så (ETag)' },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body, 'input') } } },
        responses: { '201': json(R.WriteResult, 'Registrert (ETag: revisjonen)'), ...errors },
      },
    };
  }
  Object.assign(paths, {
    '/api/units': { ...paths['/api/units'], ...read('Enheter, med flyttinger og sammenslåinger som er planlagt', z.array(R.UnitSummary), queryParameters(Q.UnitsQuery)) },
    '/api/units/{id}': read('En enhet med historikk og timesatser', R.UnitDetail, [idParameter]),
    '/api/projects': { ...paths['/api/projects'], ...read('Prosjekter', z.array(R.ProjectSummary)) },
    '/api/projects/{id}': read('Et prosjekt: plan mot realisering', R.ProjectDetail, [idParameter]),
    '/api/benefits/{id}': read('En gevinst', R.BenefitView, [idParameter]),
    '/api/benefits/{id}/evidence': {
      post: {
        operationId: 'attachEvidence',
        summary: 'Last opp en fil som dokumentasjon for en måling eller realisering (filens bytes som body, filtypen som Content-Type)',
        parameters: [
          idParameter,
          { name: 'fileName', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'measuredOn', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'period', in: 'query', schema: { type: 'string' } },
        ],
        requestBody: { required: true, content: Object.fromEntries(EVIDENCE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) },
        responses: {
          '201': json(R.WriteResult.extend({ attachmentId: z.string() }), 'Lagret (attachmentId: filens SHA-256)'),
          ...errors,
          '413': json(R.ErrorResponse, 'Filen er for stor (GEVINST_EVIDENCE_MAX_BYTES, 10 MB som standard)'),
          '415': json(R.ErrorResponse, 'Filtypen er ikke tillatt'),
        },
      },
    },
    '/api/benefits/{id}/evidence/{attachmentId}': {
      get: {
        summary: 'Last ned et vedlegg (Content-Disposition: attachment; X-Content-Type-Options: nosniff)',
        parameters: [idParameter, { name: 'attachmentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': binary('application/octet-stream', 'Filen, med typen den ble lastet opp som'), '401': errors['401'], '403': errors['403'], '404': errors['404'] },
      },
    },
    '/api/due': read('Gevinsteiers liste over det som forfaller', z.array(R.DueItem), queryParameters(Q.DueQuery)),
    '/api/ledger': read('Gevinstregnskap på tvers av enheter', R.Ledger, queryParameters(Q.ReportQuery)),
    '/api/ledger/matrix': read('Betaler × mottaker', R.LedgerMatrix, queryParameters(Q.ReportQuery)),
    '/api/ledger/imbalances': read('Ubalanser', R.Imbalances, queryParameters(Q.ReportQuery)),
    '/api/ledger/balances': read('Åpne saldoer', R.Balances, queryParameters(Q.ReportQuery)),
    '/api/ledger/trace': read('Hendelsene bak et tall', R.Trace, queryParameters(Q.TraceQuery)),
    '/api/portfolio': read('Status per enhet og periode (standard: årets tertialer)', R.Portfolio, queryParameters(Q.ReportQuery)),
    '/api/benefits/{id}/actions': { ...paths['/api/benefits/{id}/actions'], ...read('Gevinstens tiltak (gevinstrealiseringstiltak), forfalte først', R.BenefitActions, [idParameter]) },
    '/api/benefits/{id}/risks': { ...paths['/api/benefits/{id}/risks'], ...read('Gevinstens risikoer (sannsynlighet × konsekvens), åpne og høyest først, med historikk', R.BenefitRisks, [idParameter]) },
    '/api/actions': read('Personens tiltak (egne og på gevinster de eier), forfalte først', R.MyActions, queryParameters(Q.ActionsQuery)),
    '/api/portfolio/risks': read('Risikomatrise 5 × 5 for porteføljen: åpne risikoer per sannsynlighet og konsekvens', R.RiskMatrix),
    '/api/portfolio/overlaps': read('Delte gevinster: gevinster i to prosjekter som deler én gevinst, med andelene', R.DeclaredOverlaps),
    '/api/admin/rebuild': {
      post: {
        operationId: 'rebuildReadModels',
        summary: 'Les alle hendelser på nytt inn i lesemodellene (lesinger underveis kan se en delvis modell)',
        responses: { '200': json(R.Rebuilt, 'Gjenoppbygd') },
      },
    },
    '/api/templates/gevinstrealiseringsplan.xlsx': {
      get: {
        operationId: 'planTemplate',
        summary: 'Tom gevinstrealiseringsplan (XLSX) med enhetsliste og veiledning',
        parameters: queryParameters(Q.TemplateQuery),
        responses: { '200': binary(XLSX, 'Malen'), '400': errors['400'] },
      },
    },
    '/api/projects/{id}/import': {
      post: {
        operationId: 'importPlan',
        summary: 'Importer en utfylt gevinstrealiseringsplan: alt eller ingenting; samme fil to ganger skriver ingenting nytt',
        parameters: [idParameter, ...queryParameters(Q.ImportQuery)],
        requestBody: { required: true, content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: {
          '200': json(R.ImportReport, 'Prøvekjøring (dryRun): hva som ville blitt lagret'),
          '201': json(R.ImportReport, 'Importert (benefitIds)'),
          '400': errors['400'],
          '404': errors['404'],
          '413': errors['413'],
          '422': json(R.ImportReport, 'Problemer eller spørsmål i arket; ingenting er lagret'),
          '503': json(R.ErrorResponse, 'Serveren leser andre regneark nå (import_busy); prøv igjen etter Retry-After sekunder'),
        },
      },
    },
    '/api/export/ledger.{format}': exportRoute('Gevinstregnskapet som XLSX (fire ark) eller CSV (ett utsnitt)', [formatParameter, ...queryParameters(Q.LedgerExportQuery)]),
    '/api/export/portfolio.{format}': exportRoute('Porteføljestatus som XLSX eller CSV', [formatParameter, ...queryParameters(Q.ReportQuery)]),
    '/api/export/projects/{id}/plan.{format}': exportRoute(
      'Prosjektets plan: XLSX i malens format (kan importeres igjen), CSV plan mot realisering',
      [idParameter, formatParameter],
    ),
    '/api/access/grants': { ...paths['/api/access/grants'], ...read('Tildelte roller som gjelder nå (administrator)', R.RoleGrants) },
    '/api/audit/projects/{id}': read('Hvem gjorde hva, når: prosjektet og gevinstene i det', R.AuditTrail, [idParameter]),
    '/api/audit/benefits/{id}': read('Hvem gjorde hva, når: gevinsten', R.AuditTrail, [idParameter]),
    '/api/audit/units/{id}': read('Hvem gjorde hva, når: enheten', R.AuditTrail, [idParameter]),
    '/api/benefits/{id}/history': read(
      'Gevinstens historikk: opprinnelig plan, godkjenninger, prognoseendringer med begrunnelse, eierbytter, nullpunkt, målinger med kommentar og dokumentasjon, realiseringer og kansellering — hvem og når, eldst først',
      R.History,
      [idParameter],
    ),
    '/api/benefits/{id}/plan-versions': read('Planversjoner: godkjent ved hvert beslutningspunkt mot gjeldende plan og realisert, med avvik per periode', R.PlanVersions, [idParameter]),
    '/api/projects/{id}/history': read('Prosjektets historikk: prosjektets egne endringer og gevinstenes, eldst først', R.History, [idParameter]),
    '/api/projects/{id}/benefit-map': read('Prosjektets gevinstkart: noder (gevinster med status og realisering), koblinger med forutsetning, og hva kartet mangler', R.BenefitMapView, [idParameter]),
    '/api/projects/{id}/benefit-map/nodes': { post: mapWrite('addMapNode', I.AddMapNodeInput, [idParameter], '201') },
    '/api/projects/{id}/benefit-map/nodes/{nodeId}': {
      patch: mapWrite('changeMapNode', I.ChangeMapNodeInput.omit({ nodeId: true }), [idParameter, pathParameter('nodeId')], '200'),
      delete: mapWrite('removeMapNode', null, [idParameter, pathParameter('nodeId')], '200'),
    },
    '/api/projects/{id}/benefit-map/edges': { post: mapWrite('addMapEdge', I.AddMapEdgeInput, [idParameter], '201') },
    '/api/projects/{id}/benefit-map/edges/{edgeId}': { delete: mapWrite('removeMapEdge', null, [idParameter, pathParameter('edgeId')], '200') },
    '/api/me': read('Hvem du er logget inn som, og rollene dine', R.Me),
    '/api/goals': { ...paths['/api/goals'], ...read('Målstrukturen: hovedmål, delmål og måleindikatorer, overordnet før underordnet', R.GoalList, queryParameters(Q.GoalsQuery)) },
    '/api/goals/scorecard': read('Målekortet for en enhet: målene den eier, med resultatkrav, resultater, vurdering og gevinstene knyttet til dem', R.GoalScorecard, queryParameters(Q.GoalScorecardQuery)),
    '/api/goals/{id}/scorecard': read('Målekortet for et mål og alt under det', R.GoalScorecard, [idParameter]),
    '/api/valuation/benefits/{id}': read('Gevinstens verdi i kroner per budsjettår: timer × timesats, med året, enheten og kilden timesatsen kom fra', R.BenefitValuation, [idParameter]),
    '/api/cost-benefit': read('Kost/nytte for et prosjekt eller porteføljen: nåverdi av kostnader og prissatte gevinster (planlagt, prognose, realisert så langt), tilbakebetalingsår og følsomhet ±20 %', R.CostBenefitReport, queryParameters(Q.CostBenefitQuery)),
    '/api/cost-benefit/settings': { ...paths['/api/cost-benefit/settings'], ...read('Installasjonens standardverdier for kost/nytte og prisindeksene', R.CostBenefitSettings) },
    '/api/reports/tertial': read('Tertialrapporten for et tertial og en enhet, slik tallene var kjent per asOf (standard: nå; X-As-Of sier tidspunktet)', TertialReportSchema, queryParameters(TertialReportQuerySchema)),
    '/api/reports/tertial.html': tertialDocument('Tertialrapporten som utskriftsvennlig HTML (den PDF-en skrives ut fra)', 'text/html'),
    '/api/reports/tertial.pdf': tertialDocument('Tertialrapporten som PDF (for lesing); samme asOf gir samme innhold', 'application/pdf'),
    '/api/reports/tertial.docx': tertialDocument('Tertialrapporten som DOCX (for redigering); samme asOf gir samme fil', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    '/api/calendar': read('Årshjulet: årets frister (tertialrapporter, budsjettprosess) etter dato, kommende eller passert med dager igjen, og neste frist', R.CalendarAnswer, queryParameters(Q.CalendarQuery)),
    '/api/calendar/{period}/missing': read('Hva som mangler før tertialrapporten: gevinstene som ikke har registrert realisering eller måling for tertialet, med eier og prosjekt', R.CalendarMissing, [pathParameter('period'), ...queryParameters(Q.CalendarMissingQuery)]),
    '/auth/login': loginStep('get', 'Logg inn (OpenID Connect, autorisasjonskode + PKCE)', [{ name: 'returnTo', in: 'query', schema: { type: 'string' }, description: 'relativ sti å komme tilbake til' }]),
    '/auth/callback': loginStep('get', 'Tilbake fra identitetsleverandøren: lager økten (informasjonskapselen gevinst_session)'),
    '/auth/logout': loginStep('post', 'Logg ut: sletter økten'),
    '/api/openapi.json': { get: { summary: 'Denne beskrivelsen (OpenAPI 3.1)', security: [], responses: { '200': { description: 'OpenAPI-dokumentet' } } } },
    '/healthz': { get: { ...read('Helse', R.Health).get, security: [] } },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Gevinst API', version: '0.1.0', description: 'Gevinstrealisering på tvers av enheter. Beløp i øre.' },
    servers: publicUrl ? [{ url: publicUrl }] : [],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Tilgangstoken fra identitetsleverandøren, eller GEVINST_ADMIN_TOKEN' },
        session: { type: 'apiKey', in: 'cookie', name: 'gevinst_session', description: 'Økten etter innlogging i nettleseren' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
};
