/**
 * Fjordvik kommune's målstruktur, built like Kristiansund kommune's målekort: hovedmål from the
 * kommuneplanens samfunnsdel, suksessfaktorer (delmål) owned by the sectors, and måleindikatorer with
 * resultatkrav, resultatgrenser (ønsket / akseptabelt / uakseptabelt) and results for 2024–2026.
 * The demo's benefits and projects are linked to the goals they serve.
 */
import { DomainError } from '@gevinst/domain/errors';
import type { Direction, GoalKind } from '@gevinst/domain/events';

export interface DemoIndicatorYear {
  year: number;
  required: number;
  /** ønsket from here (in the indicator's direction), akseptabelt from `acceptable` */
  desired: number;
  acceptable: number;
  result?: number;
  comment?: string;
}

export interface DemoGoal {
  key: string;
  kind: GoalKind;
  title: string;
  description?: string;
  unit: string;
  parent?: string;
  indicator?: { unitOfMeasure: string; direction: Direction; years: DemoIndicatorYear[] };
  benefits?: string[];
  projects?: string[];
}

export const goals: DemoGoal[] = [
  {
    key: 'tjenester',
    kind: 'main',
    title: 'Fjordvik leverer gode og effektive tjenester til innbyggerne',
    description: 'Hovedmål 1 i kommuneplanens samfunnsdel 2024–2035',
    unit: 'kommune',
  },
  {
    key: 'digitaleTjenester',
    kind: 'sub',
    title: 'Innbyggerne møter en digital førstelinje',
    description: 'Suksessfaktor: selvbetjening og digital post der det er mulig',
    unit: 'okit',
    parent: 'tjenester',
    benefits: ['arkivHenting', 'porto', 'navHenvendelser'],
    projects: ['svarut', 'chat'],
  },
  {
    key: 'digitalPost',
    kind: 'indicator',
    title: 'Andel brev sendt digitalt',
    unit: 'okit',
    parent: 'digitaleTjenester',
    indicator: {
      unitOfMeasure: 'prosent',
      direction: 'increase',
      years: [
        { year: 2024, required: 70, desired: 70, acceptable: 60, result: 58, comment: 'Fra SvarUT-statistikken' },
        { year: 2025, required: 80, desired: 80, acceptable: 70, result: 76 },
        { year: 2026, required: 90, desired: 90, acceptable: 80, result: 91 },
      ],
    },
  },
  {
    key: 'byggesakRask',
    kind: 'sub',
    title: 'Raskere og mer forutsigbar byggesaksbehandling',
    unit: 'teknisk',
    parent: 'tjenester',
    benefits: ['byggesakTimer', 'skjemaByggesak'],
    projects: ['byggesak'],
  },
  {
    key: 'byggesakDager',
    kind: 'indicator',
    title: 'Gjennomsnittlig saksbehandlingstid for byggesøknader med tre ukers frist',
    unit: 'byggesak',
    parent: 'byggesakRask',
    indicator: {
      unitOfMeasure: 'dager',
      direction: 'decrease',
      years: [
        { year: 2024, required: 21, desired: 21, acceptable: 25, result: 27, comment: 'KOSTRA' },
        { year: 2025, required: 18, desired: 18, acceptable: 21, result: 20 },
        { year: 2026, required: 15, desired: 15, acceptable: 18, result: 16 },
      ],
    },
  },
  {
    key: 'trygg',
    kind: 'main',
    title: 'Innbyggerne kan bo trygt hjemme lengst mulig',
    description: 'Hovedmål 2 i kommuneplanens samfunnsdel 2024–2035',
    unit: 'kommune',
  },
  {
    key: 'velferdsteknologi',
    kind: 'sub',
    title: 'Velferdsteknologi er en del av tjenestetilbudet',
    unit: 'helse',
    parent: 'trygg',
    benefits: ['tilsynsbesok', 'sykehjemsplass', 'dokumentasjon'],
    projects: ['velferd', 'nettbrett'],
  },
  {
    key: 'hjemmeboende',
    kind: 'indicator',
    title: 'Andel innbyggere over 80 år som bor hjemme',
    unit: 'helse',
    parent: 'velferdsteknologi',
    indicator: {
      unitOfMeasure: 'prosent',
      direction: 'increase',
      years: [
        { year: 2024, required: 85, desired: 85, acceptable: 82, result: 84.1 },
        { year: 2025, required: 86, desired: 86, acceptable: 83, result: 86.4 },
        { year: 2026, required: 87, desired: 87, acceptable: 84, result: 85.2, comment: 'Foreløpig tall per november' },
      ],
    },
  },
  {
    key: 'drift',
    kind: 'main',
    title: 'Effektiv og bærekraftig drift',
    description: 'Sektorens eget hovedmål i virksomhetsplanen for organisasjon, økonomi og IKT',
    unit: 'okit',
  },
  {
    key: 'mindreManuelt',
    kind: 'sub',
    title: 'Mindre manuelt arbeid i økonomi og lønn',
    unit: 'okit',
    parent: 'drift',
    benefits: ['fakturatid', 'regnskapstid', 'lonnstimer', 'refusjon'],
    projects: ['ebilag', 'rpa'],
  },
  {
    key: 'automatiskeFakturaer',
    kind: 'indicator',
    title: 'Andel inngående fakturaer behandlet uten manuell registrering',
    unit: 'okonomi',
    parent: 'mindreManuelt',
    indicator: {
      unitOfMeasure: 'prosent',
      direction: 'increase',
      years: [
        { year: 2024, required: 60, desired: 60, acceptable: 50, result: 52 },
        { year: 2025, required: 70, desired: 70, acceptable: 60, result: 71 },
        { year: 2026, required: 80, desired: 80, acceptable: 70, result: 69, comment: 'Ny leverandør av e-faktura fra mars' },
      ],
    },
  },
];

type Send = (command: string, input: unknown, targetId?: string) => Promise<{ id: string }>;

/** Defines the goals parents first, sets each indicator's years, and links the benefits and projects. */
export const loadDemoGoals = async (send: Send, ids: { unit: (key: string) => string; project: (key: string) => string; benefit: (key: string) => string }) => {
  const goalIds = new Map<string, string>();
  for (const goal of goals) {
    const parentGoalId = goal.parent ? goalIds.get(goal.parent) : null;
    if (parentGoalId === undefined) throw new Error(`demo: goal ${goal.key} comes before its parent ${goal.parent}`);
    const { id: goalId } = await send('defineGoal', {
      kind: goal.kind,
      title: goal.title,
      description: goal.description ?? null,
      unitId: ids.unit(goal.unit),
      parentGoalId,
    });
    goalIds.set(goal.key, goalId);
    const { unitOfMeasure, direction, years } = goal.indicator ?? { unitOfMeasure: '', direction: 'increase', years: [] };
    for (const y of years) {
      await send('setGoalRequirement', { year: y.year, requiredValue: y.required, unitOfMeasure, direction, desiredLimit: y.desired, acceptableLimit: y.acceptable }, goalId);
      // a year that has not begun by the application's clock gets its requirement but no result
      if (y.result !== undefined)
        await send('recordGoalResult', { year: y.year, value: y.result, comment: y.comment ?? null }, goalId).catch((error: unknown) => {
          if (!(error instanceof DomainError && error.code === 'year_in_future')) throw error;
        });
    }
    for (const benefit of goal.benefits ?? []) await send('linkBenefitToGoal', { benefitId: ids.benefit(benefit) }, goalId);
    for (const project of goal.projects ?? []) await send('linkProjectToGoal', { projectId: ids.project(project) }, goalId);
  }
  return goalIds;
};
