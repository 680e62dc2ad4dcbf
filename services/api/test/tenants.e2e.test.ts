import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDetail, WriteResult } from '@gevinst/domain/answers';
import { commandRoutes } from '../src/http/routes';
import { AS_ADMIN, countEvents, startTestGevinst, type TestGevinst } from './helpers';

// One installation for the kommuner of an inter-municipal co-operation (Fosen): «Indre Fosen kommune»
// and «Ørland kommune», each with its own people in every role, and «Fosen regionråd», the
// co-operation's own root unit, which runs a joint project whose costs and benefits land in both
// kommuner. No request of one kommune's people reads or writes the other's data: every GET route of
// the API (read from its OpenAPI document, so new routes are covered as they come) and every command
// route, aimed at the other kommune's things.

let g: TestGevinst;
let signingKey: JWK;

/** a bearer token from the embedded provider's own key, for a person of the co-operation */
const tokenFor = async (email: string) =>
  new SignJWT({ email, name: email.split('@')[0], groups: [] })
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'at+jwt' })
    .setIssuer(`${g.url}/oidc`)
    .setAudience('gevinst')
    .setSubject(email)
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(await importJWK(signingKey, 'RS256'));
const tokens = new Map<string, string>();
const as = async (email: string): Promise<Record<string, string>> => {
  if (!tokens.has(email)) tokens.set(email, await tokenFor(email));
  return { authorization: `Bearer ${tokens.get(email)!}` };
};

/** one kommune of the co-operation: its units, people and things */
interface Kommune {
  key: string;
  name: string;
  domain: string;
  root: string;
  health: string;
  people: { finance: string; management: string; leader: string; owner: string; admin: string };
  project: string;
  projectName: string;
  cost: string;
  benefit: string;
  benefitTitle: string;
  jointBenefit: string;
  jointBenefitTitle: string;
  jointCost: string;
  goal: string;
  goalTitle: string;
  grant: string;
  action: string;
  risk: string;
}

const kommuner: Record<'indre' | 'orland', Kommune> = {} as Record<'indre' | 'orland', Kommune>;
let fosen: string;
let joint: string;
const JOINT_LEADER = 'prosjektleder@fosen.no';

const created = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await g.post<WriteResult>(path, body, headers);
  expect(res.status, `${path} → ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id;
};

const benefitBody = (title: string, recipientUnitId: string, owner: string, indicator = 'Timer spart per år') => ({
  title,
  recipientUnitId,
  owner,
  indicator,
  unitOfMeasure: 'timer',
  direction: 'increase',
  category: 'budget',
  cashReleasing: true,
  valuationOrePerUnit: 500_00,
  plan: [{ period: '2026-T1', quantity: 100 }],
});

/** the id of the cost the unit paid on the project (a cost's command answers with the project's id) */
const costPaidBy = (projectId: string, unitId: string): string => g.readModels.portfolio.projects.get(projectId)!.costs.find((c) => c.payerUnitId === unitId)!.costId;

const setUpKommune = async (key: 'indre' | 'orland', name: string, domain: string, healthName: string) => {
  const root = await created('/api/units', { name });
  const health = await created('/api/units', { name: healthName, parentId: root });
  const people = {
    finance: `okonomi@${domain}`,
    management: `kommunedirektor@${domain}`,
    leader: `prosjektleder@${domain}`,
    owner: `gevinsteier@${domain}`,
    admin: `admin@${domain}`,
  };
  await created('/api/access/grants', { personId: people.finance, role: 'finance', unitId: root });
  await created('/api/access/grants', { personId: people.management, role: 'management', unitId: root });
  await created('/api/access/grants', { personId: people.leader, role: 'project-leader', unitId: health });
  const grant = await created('/api/access/grants', { personId: people.admin, role: 'administrator', unitId: root });
  const projectName = `Velferdsteknologi i ${name}`;
  const project = await created('/api/projects', { name: projectName, ownerUnitId: health, projectLeader: people.leader });
  await created(`/api/projects/${project}/costs`, { payerUnitId: health, amountOre: 300_000_00, period: '2026-T1', kind: 'one-off', description: `Sensorer ${name}` });
  const cost = costPaidBy(project, health);
  const benefitTitle = `Færre nattlige tilsyn i ${name}`;
  const benefit = await created(`/api/projects/${project}/benefits`, benefitBody(benefitTitle, health, people.owner));
  await created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 80 });
  await created(`/api/benefits/${benefit}/actions`, { title: `Opplæring ${name}`, owner: people.owner, deadline: '2026-06-30' });
  await created(`/api/benefits/${benefit}/risks`, { threat: `Lite bruk ${name}`, probability: 3, consequence: 3 });
  const action = g.readModels.followUp.actionsOf(benefit)[0]!.actionId;
  const risk = g.readModels.followUp.risksOf(benefit)[0]!.riskId;
  const goalTitle = `Trygg eldreomsorg i ${name}`;
  const goal = await created('/api/goals', { kind: 'main', title: goalTitle, unitId: root, parentGoalId: null });
  await created(`/api/goals/${goal}/benefits`, { benefitId: benefit });
  // the joint project's share of this kommune: a cost paid by it and a benefit received in it
  await created(`/api/projects/${joint}/costs`, { payerUnitId: health, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off', description: `Andel ${name}` });
  const jointCost = costPaidBy(joint, health);
  const jointBenefitTitle = `Felles arkiv gir tid i ${name}`;
  const jointBenefit = await created(`/api/projects/${joint}/benefits`, benefitBody(jointBenefitTitle, health, people.owner, 'Timer spart i arkivet'));
  await created(`/api/benefits/${jointBenefit}/realisations`, { period: '2026-T1', quantity: 60 });
  kommuner[key] = {
    key,
    name,
    domain,
    root,
    health,
    people,
    project,
    projectName,
    cost,
    benefit,
    benefitTitle,
    jointBenefit,
    jointBenefitTitle,
    jointCost,
    goal,
    goalTitle,
    grant,
    action,
    risk,
  };
};

/** everything of a kommune another kommune's people must never see: ids, names, e-mail addresses */
const secretsOf = (k: Kommune): string[] => [
  k.root,
  k.health,
  k.name,
  k.project,
  k.projectName,
  k.cost,
  k.benefit,
  k.benefitTitle,
  k.jointBenefit,
  k.jointBenefitTitle,
  k.jointCost,
  k.goal,
  k.goalTitle,
  k.grant,
  k.domain,
  ...Object.values(k.people),
];

beforeAll(async () => {
  g = await startTestGevinst({ clock: () => '2026-06-15T10:00:00.000Z' });
  const file = new Database(g.dbPath, { readonly: true });
  signingKey = JSON.parse((file.prepare("SELECT value FROM auth_secrets WHERE name = 'oidc.signing-key'").get() as { value: string }).value);
  file.close();
  fosen = await created('/api/units', { name: 'Fosen regionråd' });
  joint = await created('/api/projects', { name: 'Felles sak- og arkivsystem for Fosen', ownerUnitId: fosen, projectLeader: JOINT_LEADER });
  await setUpKommune('indre', 'Indre Fosen kommune', 'indrefosen.kommune.no', 'Helse og omsorg Indre Fosen');
  await setUpKommune('orland', 'Ørland kommune', 'orland.kommune.no', 'Helse og velferd Ørland');
}, 120_000);
afterAll(async () => {
  await g?.destroy();
});

/** an answer as text: JSON as it came, a workbook as the text of every cell */
const textOf = async (res: Response): Promise<string> => {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
      // the lists a cell may choose from (the plan template's units) live in hidden sheets and names
      for (const name of Object.keys(book.definedNames.model ?? {})) cells.push(name);
    });
    return cells.join('\n');
  }
  return res.text();
};

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

/** every GET route of the API with a path to call it by, aimed at `k`'s things */
const getRoutes = async (k: Kommune): Promise<string[]> => {
  const doc = (await g.get<OpenApiDocument>('/api/openapi.json')).body;
  const paths: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const get = item.get;
    if (!get || path === '/api/openapi.json' || path.startsWith('/api/admin')) continue;
    const query = new URLSearchParams();
    for (const p of get.parameters ?? []) {
      if (p.in !== 'query') continue;
      if (/unitid$/i.test(p.name)) query.set(p.name, k.health);
      else if (p.name === 'owner') query.set(p.name, k.people.owner);
      else if (p.name === 'from') query.set(p.name, '2026-T1');
      else if (p.name === 'to') query.set(p.name, '2026-T3');
    }
    // the ids of `k`'s things in the path: by the collection the parameter follows
    const variants = (target: 'own' | 'joint'): string[] => {
      const filled = path.replace(/\/([\w-]+)\/\{(\w+)\}/g, (_m, collection: string, name: string) => {
        const id = (() => {
          if (name === 'format') return 'csv';
          if (name === 'costId') return target === 'joint' ? k.jointCost : k.cost;
          if (name === 'attachmentId') return 'a'.repeat(64);
          if (collection === 'projects') return target === 'joint' ? joint : k.project;
          if (collection === 'benefits') return target === 'joint' ? k.jointBenefit : k.benefit;
          if (collection === 'units') return k.health;
          if (collection === 'goals') return k.goal;
          if (collection === 'grants') return k.grant;
          return 'x';
        })();
        return `/${collection}/${id}`;
      });
      return [filled.replace(/\{format\}/, 'csv').replace(/\.\{format\}/, '.csv')];
    };
    const base = [...new Set([...variants('own'), ...variants('joint')])];
    for (const b of base) {
      paths.push(b);
      if ([...query].length) paths.push(`${b}?${query.toString()}`);
      if (b.endsWith('.csv')) paths.push(b.replace(/\.csv$/, '.xlsx'));
    }
  }
  return [...new Set(paths)];
};

const roles = ['finance', 'management', 'leader', 'owner', 'admin'] as const;
const pairs: [reader: 'indre' | 'orland', other: 'indre' | 'orland'][] = [
  ['indre', 'orland'],
  ['orland', 'indre'],
];

describe('one installation for several kommuner', () => {
  it('reads every GET route of the API in each role of one kommune, aimed at the other kommune, and finds nothing of it', async () => {
    let calls = 0;
    let answered = 0;
    for (const [reader, other] of pairs) {
      // aimed at the other kommune's things, and at the reader's own (their answers name nothing of the other's either)
      const routes = [...new Set([...(await getRoutes(kommuner[other])), ...(await getRoutes(kommuner[reader]))])];
      expect(routes.length).toBeGreaterThan(30);
      const secrets = secretsOf(kommuner[other]);
      for (const role of roles) {
        const headers = await as(kommuner[reader].people[role]);
        for (const path of routes) {
          const res = await fetch(g.url + path, { headers });
          calls++;
          expect(res.status, `${role} of ${reader}: GET ${path}`).toBeLessThan(500);
          if (res.status >= 400) {
            await res.arrayBuffer();
            continue;
          }
          answered++;
          const text = await textOf(res);
          const leaked = secrets.filter((s) => text.includes(s));
          expect(leaked, `${role} of ${reader}: GET ${path}`).toEqual([]);
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    // most routes answered with data to search, not only refusals
    expect(answered).toBeGreaterThan(calls / 3);
  }, 600_000);

  it('shows each role its own kommune, and a member the joint project for its own share', async () => {
    for (const [reader, other] of pairs) {
      const k = kommuner[reader];
      const secrets = secretsOf(kommuner[other]);
      const finance = await as(k.people.finance);
      const units = (await g.get<{ id: string }[]>('/api/units', finance)).body.map((u) => u.id);
      expect(units.sort()).toEqual([k.root, k.health].sort());
      const project = await g.get<ProjectDetail>(`/api/projects/${joint}`, finance);
      expect(project.status).toBe(200);
      expect(project.body.costs.map((c) => c.costId)).toEqual([k.jointCost]);
      expect(project.body.benefits.map((b) => b.id)).toEqual([k.jointBenefit]);
      expect(secrets.filter((s) => JSON.stringify(project.body).includes(s))).toEqual([]);
      // the owner of the member's joint benefit sees it; the other member's is refused
      const owner = await as(k.people.owner);
      expect((await g.get(`/api/benefits/${k.jointBenefit}`, owner)).status).toBe(200);
      expect((await g.get(`/api/benefits/${kommuner[other].jointBenefit}`, owner)).status).toBe(403);
      // the kommune administrator administers its own kommune
      const admin = await as(k.people.admin);
      const grants = (await g.get<{ unitId: string | null }[]>('/api/access/grants', admin)).body;
      expect(grants.length).toBeGreaterThan(0);
      expect(grants.every((gr) => gr.unitId === k.root || gr.unitId === k.health)).toBe(true);
      expect(await g.post('/api/units', { name: `Ny enhet i ${k.name}`, parentId: k.root }, admin)).toMatchObject({ status: 201 });
      expect((await g.post('/api/admin/rebuild', {}, admin)).status).toBe(403);
    }
    // the joint project's leader and the installation administrator see the whole of it
    for (const headers of [await as(JOINT_LEADER), AS_ADMIN]) {
      const whole = (await g.get<ProjectDetail>(`/api/projects/${joint}`, headers)).body;
      expect(whole.costs.map((c) => c.costId).sort()).toEqual([kommuner.indre.jointCost, kommuner.orland.jointCost].sort());
      expect(whole.benefits).toHaveLength(2);
    }
  }, 120_000);

  it('refuses every command route in each role of one kommune aimed at the other kommune with 403, writing nothing', async () => {
    for (const [reader, other] of pairs) {
      const o = kommuner[other];
      const k = kommuner[reader];
      const bodies: Record<string, { id?: string; body: Record<string, unknown>; path?: Record<string, string> }> = {
        registerUnit: { body: { name: 'Inntrenger', parentId: o.root } },
        mergeUnits: { body: { mergedUnitIds: [o.health], successorName: 'Sammenslått', parentId: o.root, effectiveDate: '2027-01-01' } },
        renameUnit: { id: o.health, body: { name: 'Omdøpt' } },
        moveUnit: { id: o.health, body: { newParentId: k.root } },
        annulUnitMove: { id: o.health, body: { effectiveDate: '2027-01-01', reason: 'Feil' } },
        annulUnitMerger: { id: o.health, body: { successorUnitId: o.root, effectiveDate: '2027-01-01', reason: 'Feil' } },
        assignUnitLeader: { id: o.health, body: { leader: k.people.management } },
        setHourlyRate: { id: o.root, body: { year: 2026, rateOre: 65_000, source: { wageOre: 44_000, employerContributionOre: 6_200, socialCostsOre: 14_800 } } },
        registerProject: { body: { name: 'Inntrengerprosjekt', ownerUnitId: o.health, projectLeader: k.people.leader } },
        recordCost: { id: o.project, body: { payerUnitId: o.health, amountOre: 1_00, period: '2026-T1', kind: 'one-off' } },
        correctCost: { id: o.project, path: { costId: o.cost }, body: { amountOre: 1_00, period: '2026-T1', kind: 'one-off', reason: 'Feil' } },
        reverseCost: { id: o.project, path: { costId: o.cost }, body: { reason: 'Feil' } },
        stopAnnualCost: { id: o.project, path: { costId: o.cost }, body: { lastYear: 2026, reason: 'Feil' } },
        changeProjectPhase: { id: o.project, body: { phase: 'execution' } },
        closeProject: { id: o.project, body: { reason: 'Ferdig' } },
        planBenefit: { id: o.project, body: benefitBody('Inntrengergevinst', o.health, k.people.owner, 'Inntrengerindikator') },
        recordBaseline: { id: o.benefit, body: { value: 1, measuredOn: '2026-01-01' } },
        recordMeasurement: { id: o.benefit, body: { value: 1, measuredOn: '2026-02-01' } },
        recordRealisation: { id: o.benefit, body: { period: '2026-T2', quantity: 1 } },
        correctRealisation: { id: o.benefit, body: { period: '2026-T1', quantity: 1, reason: 'Feil' } },
        reviseForecast: { id: o.benefit, body: { plan: [{ period: '2026-T1', quantity: 1 }], reason: 'Feil' } },
        assignBenefitOwner: { id: o.benefit, body: { owner: k.people.owner } },
        cancelBenefit: { id: o.benefit, body: { reason: 'Feil' } },
        approveBenefitPlan: { id: o.benefit, body: { decisionPoint: 'BP2' } },
        recordWithdrawal: { id: o.benefit, body: { period: '2026-T1', amountOre: 1_00, saksnummer: '26/1' } },
        addBenefitAction: { id: o.benefit, body: { title: 'Inntrenger', owner: k.people.owner, deadline: '2026-12-31' } },
        updateBenefitAction: { id: o.benefit, path: { actionId: o.action }, body: { status: 'done' } },
        assessBenefitRisk: { id: o.benefit, body: { threat: 'Inntrenger', probability: 2, consequence: 2 } },
        closeBenefitRisk: { id: o.benefit, path: { riskId: o.risk }, body: { reason: 'Feil' } },
        recordSettlement: { body: { fromUnitId: o.health, toUnitId: o.root, amountOre: 1_00, period: '2026-T1', saksnummer: '26/2' } },
        recordUnplannedBenefit: {
          body: { title: 'Inntrenger', recipientUnitId: o.health, category: 'otherPublic', period: '2026-T1', quantity: 1, unitOfMeasure: 'stk', valueOre: 1_00, description: 'Inntrenger' },
        },
        grantRole: { body: { personId: k.people.finance, role: 'finance', unitId: o.root } },
        revokeRole: { id: o.grant, body: { reason: 'Feil' } },
        defineGoal: { body: { kind: 'main', title: 'Inntrengermål', unitId: o.root, parentGoalId: null } },
        renameGoal: { id: o.goal, body: { title: 'Omdøpt' } },
        retireGoal: { id: o.goal, body: { reason: 'Feil' } },
        setGoalRequirement: { id: o.goal, body: { year: 2026, requiredValue: 1, unitOfMeasure: 'prosent', direction: 'increase', desiredLimit: 1, acceptableLimit: 0 } },
        recordGoalResult: { id: o.goal, body: { year: 2026, value: 1 } },
        linkBenefitToGoal: { id: o.goal, body: { benefitId: k.benefit } },
        unlinkBenefitFromGoal: { id: o.goal, path: { benefitId: o.benefit }, body: {} },
        linkProjectToGoal: { id: o.goal, body: { projectId: k.project } },
        unlinkProjectFromGoal: { id: o.goal, path: { projectId: o.project }, body: {} },
        // installation-wide: they touch every kommune, so no one of a single kommune reaches them
        setCostBenefitDefaults: { body: { discountRatePct: 3, analysisYears: 12, costsIncludeMva: false } },
        setPriceIndex: { body: { year: 2026, index: 104.5, source: 'SSB' } },
        setReportingDeadline: { body: { kind: 'tertial', period: '2026-T2', date: '2026-09-20', title: 'Tertialrapport til formannskapet' } },
        removeReportingDeadline: { path: { deadlineId: 'a0000000-0000-4000-8000-000000000001' }, body: { reason: 'Feil dato' } },
      };
      const before = await countEvents(g);
      for (const route of commandRoutes) {
        const spec = bodies[route.command];
        expect(spec, `a body for ${route.command}`).toBeDefined();
        const path = route.path.replace(':id', spec!.id ?? 'x').replace(/:(\w+)/g, (_m, name: string) => spec!.path?.[name] ?? 'x');
        for (const role of roles) {
          const res = await g.post<{ error: { code: string } }>(path, spec!.body, await as(k.people[role]));
          expect(res.status, `${role} of ${reader}: POST ${path} (${route.command}) → ${JSON.stringify(res.body)}`).toBe(403);
        }
      }
      // the reader's own things, naming the other kommune's: refused too
      const crossings: [string, Record<string, unknown>][] = [
        [`/api/goals/${k.goal}/projects`, { projectId: o.project }],
        [`/api/goals/${k.goal}/benefits`, { benefitId: o.benefit }],
        ['/api/goals', { kind: 'sub', title: 'Delmål under en annen kommunes mål', unitId: k.root, parentGoalId: o.goal }],
        ['/api/settlements', { fromUnitId: k.health, toUnitId: k.root, amountOre: 1_00, period: '2026-T1', saksnummer: '26/3', projectId: o.project }],
        [`/api/projects/${k.project}/costs`, { payerUnitId: o.health, amountOre: 1_00, period: '2026-T1', kind: 'one-off' }],
        [`/api/projects/${k.project}/benefits`, benefitBody('Gevinst i en annen kommune', o.health, k.people.owner, 'Kryssindikator')],
        [`/api/units/${k.health}/move`, { newParentId: o.root }],
        ['/api/access/grants', { personId: o.people.finance, role: 'finance', unitId: o.root }],
      ];
      for (const [path, body] of crossings)
        for (const role of roles) {
          const res = await g.post(path, body, await as(k.people[role]));
          expect(res.status, `${role} of ${reader}: POST ${path} → ${JSON.stringify(res.body)}`).toBe(403);
        }
      // the gevinstkart and the plan import of the other kommune's project
      for (const role of roles) {
        const headers = await as(k.people[role]);
        const node = await g.post(`/api/projects/${o.project}/benefit-map/nodes`, { kind: 'change', label: 'Inntrenger' }, headers);
        expect(node.status, `${role}: benefit-map node`).toBe(403);
        const upload = await fetch(`${g.url}/api/projects/${o.project}/import?dryRun=true`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          body: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
        });
        expect(upload.status, `${role}: plan import`).toBe(403);
      }
      expect(await countEvents(g)).toBe(before);
    }
  }, 600_000);
});
