import type { Direction, GoalKind } from '@gevinst/domain/events';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

export interface GoalRequirementFact {
  requiredValue: number;
  unitOfMeasure: string;
  direction: Direction;
  desiredLimit: number;
  acceptableLimit: number;
}

export interface GoalState {
  goalId: string;
  kind: GoalKind;
  title: string;
  description: string | null;
  unitId: string;
  parentGoalId: string | null;
  retired: boolean;
  /** by year */
  requirements: Map<number, GoalRequirementFact>;
  results: Map<number, { value: number; comment: string | null; corrected: boolean }>;
  benefitIds: string[];
  projectIds: string[];
  childIds: string[];
  definedAt: string;
  definedBy: string | null;
}

const without = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

/** The målstruktur: every goal with its requirements, results and links, and each goal's children. */
export class GoalsModel implements SnapshotProjection {
  readonly name = 'goals';
  readonly goals = new Map<string, GoalState>();

  reset(): void {
    this.goals.clear();
  }

  apply(event: ProjectedEvent): void {
    if (event.type === 'GoalDefined') {
      const d = event.data;
      this.goals.set(d.goalId, {
        ...d,
        retired: false,
        requirements: new Map(),
        results: new Map(),
        benefitIds: [],
        projectIds: [],
        childIds: this.goals.get(d.goalId)?.childIds ?? [],
        definedAt: event.metadata.recordedAt ?? '',
        definedBy: event.metadata.userId ?? null,
      });
      if (d.parentGoalId) this.goals.get(d.parentGoalId)?.childIds.push(d.goalId);
      return;
    }
    if (!('goalId' in event.data) || typeof event.data.goalId !== 'string') return;
    const goal = this.goals.get(event.data.goalId);
    if (!goal) return;
    switch (event.type) {
      case 'GoalRenamed':
        goal.title = event.data.title;
        goal.description = event.data.description;
        break;
      case 'GoalRetired':
        goal.retired = true;
        break;
      case 'GoalRequirementSet': {
        const { goalId: _goalId, year, ...requirement } = event.data;
        goal.requirements.set(year, requirement);
        break;
      }
      case 'GoalResultRecorded':
        goal.results.set(event.data.year, { value: event.data.value, comment: event.data.comment, corrected: goal.results.has(event.data.year) });
        break;
      case 'GoalBenefitLinked':
        goal.benefitIds = [...without(goal.benefitIds, event.data.benefitId), event.data.benefitId];
        break;
      case 'GoalBenefitUnlinked':
        goal.benefitIds = without(goal.benefitIds, event.data.benefitId);
        break;
      case 'GoalProjectLinked':
        goal.projectIds = [...without(goal.projectIds, event.data.projectId), event.data.projectId];
        break;
      case 'GoalProjectUnlinked':
        goal.projectIds = without(goal.projectIds, event.data.projectId);
        break;
    }
  }

  get(goalId: string): GoalState | undefined {
    return this.goals.get(goalId);
  }

  /** the goal and every goal under it, parents first (depth 0 for the goal) */
  subtree(goalId: string): { goal: GoalState; depth: number }[] {
    const out: { goal: GoalState; depth: number }[] = [];
    const visit = (id: string, depth: number) => {
      const goal = this.goals.get(id);
      if (!goal || out.some((o) => o.goal.goalId === id)) return;
      out.push({ goal, depth });
      for (const child of goal.childIds) visit(child, depth + 1);
    };
    visit(goalId, 0);
    return out;
  }

  /** the goals a benefit serves */
  goalsOfBenefit(benefitId: string): GoalState[] {
    return [...this.goals.values()].filter((g) => g.benefitIds.includes(benefitId));
  }

  /** every goal, each tree parents first, the trees in the order their roots were defined */
  ordered(): { goal: GoalState; depth: number }[] {
    const out: { goal: GoalState; depth: number }[] = [];
    for (const goal of this.goals.values()) if (!goal.parentGoalId || !this.goals.has(goal.parentGoalId)) out.push(...this.subtree(goal.goalId));
    return out;
  }

  readonly snapshotVersion = 1;

  snapshot(): unknown {
    return { goals: this.goals };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { goals: 'map' });
    this.goals.clear();
    for (const [id, goal] of s.goals as Map<string, GoalState>) this.goals.set(id, goal);
  }
}
