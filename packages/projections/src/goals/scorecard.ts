import type { BenefitView, GoalScorecard, GoalScorecardRow, GoalSummary } from '@gevinst/domain/answers';
import { changeSinceLast, goalVerdict } from '@gevinst/domain/status';
import type { GoalsModel, GoalState } from './GoalsModel';

export interface ScorecardSources {
  goals: GoalsModel;
  unitName: (unitId: string) => string | null;
  projectName: (projectId: string) => string | null;
  benefit: (benefitId: string) => BenefitView | undefined;
  /** whether the reader may see the benefit (others are counted, not shown) */
  mayReadBenefit: (benefitId: string) => boolean;
}

export const goalSummary = (g: GoalState, unitName: (unitId: string) => string | null): GoalSummary => ({
  goalId: g.goalId,
  kind: g.kind,
  title: g.title,
  description: g.description,
  unitId: g.unitId,
  unitName: unitName(g.unitId),
  parentGoalId: g.parentGoalId,
  retired: g.retired,
  benefitIds: [...g.benefitIds],
  projectIds: [...g.projectIds],
  definedAt: g.definedAt,
  definedBy: g.definedBy,
});

const rowOf = (g: GoalState, depth: number, years: number[], unitName: (unitId: string) => string | null): GoalScorecardRow => {
  const rows = years.map((year) => {
    const requirement = g.requirements.get(year) ?? null;
    const result = g.results.get(year) ?? null;
    return { year, requirement, result, verdict: requirement && result ? goalVerdict(result.value, requirement) : null };
  });
  const measured = [...g.results.entries()].sort(([a], [b]) => a - b);
  const last = measured.at(-1);
  const before = measured.at(-2);
  // the direction of the latest requirement set (for the change's "better")
  const direction = [...g.requirements.entries()].sort(([a], [b]) => a - b).at(-1)?.[1].direction;
  const lastYear = last ? rows.find((r) => r.year === last[0]) : undefined;
  return {
    ...goalSummary(g, unitName),
    depth,
    years: rows,
    latest: last ? { year: last[0], value: last[1].value, verdict: lastYear?.verdict ?? null } : null,
    change:
      last && before
        ? direction
          ? { fromYear: before[0], ...changeSinceLast(last[1].value, before[1].value, direction) }
          : { fromYear: before[0], delta: last[1].value - before[1].value, better: null }
        : null,
  };
};

/** The worst judged period of a benefit (red beats yellow beats green). */
const worstStatus = (view: BenefitView) => {
  const statuses = view.statusByPeriod.map((p) => p.status);
  return statuses.includes('red') ? 'red' : statuses.includes('yellow') ? 'yellow' : statuses.includes('green') ? 'green' : null;
};

/**
 * A målekort over goals (each with its depth on the card): the years any of them has a requirement or
 * result for, each row's verdict and change, and the benefits and projects linked to them rolled up.
 */
export const scorecardOf = (
  sources: ScorecardSources,
  entries: { goal: GoalState; depth: number }[],
  header: { goalId: string | null; unitId: string | null },
): GoalScorecard => {
  const years = [...new Set(entries.flatMap(({ goal }) => [...goal.requirements.keys(), ...goal.results.keys()]))].sort((a, b) => a - b);
  const rows = entries.map(({ goal, depth }) => rowOf(goal, depth, years, sources.unitName));
  const benefitGoals = new Map<string, string[]>();
  const projectGoals = new Map<string, string[]>();
  for (const { goal } of entries) {
    for (const id of goal.benefitIds) benefitGoals.set(id, [...(benefitGoals.get(id) ?? []), goal.goalId]);
    for (const id of goal.projectIds) projectGoals.set(id, [...(projectGoals.get(id) ?? []), goal.goalId]);
  }
  let hiddenBenefits = 0;
  const benefits: GoalScorecard['benefits'] = [];
  for (const [benefitId, goalIds] of benefitGoals) {
    const view = sources.benefit(benefitId);
    if (!view || !sources.mayReadBenefit(benefitId)) {
      hiddenBenefits++;
      continue;
    }
    benefits.push({
      benefitId,
      title: view.title,
      projectId: view.projectId,
      projectName: view.projectId ? sources.projectName(view.projectId) : null,
      recipientUnitId: view.recipientUnitId,
      recipientUnitName: sources.unitName(view.recipientUnitId),
      cancelled: view.cancelled,
      goalIds,
      plannedOre: view.plan.reduce((sum, p) => sum + p.plannedOre, 0),
      realisedOre: view.realisations.reduce((sum, r) => sum + r.valueOre, 0),
      status: worstStatus(view),
    });
  }
  const live = benefits.filter((b) => !b.cancelled);
  return {
    goalId: header.goalId,
    unitId: header.unitId,
    unitName: header.unitId ? sources.unitName(header.unitId) : null,
    years,
    rows,
    benefits,
    hiddenBenefits,
    totals: { plannedOre: live.reduce((s, b) => s + b.plannedOre, 0), realisedOre: live.reduce((s, b) => s + b.realisedOre, 0) },
    projects: [...projectGoals].map(([projectId, goalIds]) => ({ projectId, name: sources.projectName(projectId), goalIds })),
  };
};

/** The goals a unit owns, each with the goals under it: its roots are those whose parent is not the unit's. */
export const unitEntries = (goals: GoalsModel, unitId: string): { goal: GoalState; depth: number }[] => {
  const owned = [...goals.goals.values()].filter((g) => g.unitId === unitId);
  const roots = owned.filter((g) => !g.parentGoalId || goals.get(g.parentGoalId)?.unitId !== unitId);
  const out: { goal: GoalState; depth: number }[] = [];
  for (const root of roots) for (const entry of goals.subtree(root.goalId)) if (!out.some((o) => o.goal.goalId === entry.goal.goalId)) out.push(entry);
  return out;
};
