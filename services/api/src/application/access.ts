import { inTenants, tenantsOf, type Action, type Actor, type Target, type TenantTree, type Tenants } from '@gevinst/domain/access';
import type { ReadModels } from '@gevinst/projections';
import type { z } from 'zod';
import * as I from './inputs';
import { GrantRoleInput } from './commands/access';

/**
 * What each command touches, for the policy: its units, the leader of its project, the owner of its
 * benefit — read from the command's input and the read models. The policy (packages/domain/src/access)
 * decides; this only fills in the facts.
 */
interface FactsArgs<Input> {
  targetId: string | undefined;
  input: Input;
  rm: ReadModels;
}
type Facts = (args: FactsArgs<unknown>) => Target;

/**
 * A command's rule: the policy's action and the facts it needs. `facts` is given the command's input
 * as its schema parsed it (the application parses before it asks), so any rule fits `CommandAccess`.
 */
export interface CommandAccess<Input = unknown> {
  action: Action;
  facts(args: FactsArgs<Input>): Target;
}

/** A rule whose facts read the input its schema gives. */
const rule = <Input>(action: Action, _input: z.ZodType<Input>, facts: (args: FactsArgs<Input>) => Target): CommandAccess<Input> => ({
  action,
  facts,
});

const units = (...ids: (string | null | undefined)[]): string[] => ids.filter((id): id is string => typeof id === 'string');

const onUnit: Facts = ({ targetId }) => ({ units: units(targetId) });

export const projectFacts = (rm: ReadModels, projectId: string | null | undefined): Target => {
  const project = projectId ? rm.portfolio.projects.get(projectId) : undefined;
  return project ? { units: [project.ownerUnitId], projectLeader: project.projectLeader } : { units: [] };
};

export const benefitFacts = (rm: ReadModels, benefitId: string | undefined): Target => {
  const benefit = benefitId ? rm.portfolio.benefits.get(benefitId) : undefined;
  if (!benefit) return { units: [] };
  const project = benefit.projectId ? rm.portfolio.projects.get(benefit.projectId) : undefined;
  return { units: [benefit.recipientUnitId], benefitOwner: benefit.owner, projectLeader: project?.projectLeader ?? null };
};

/** a recorded cost touches its project and its payer, as when it was recorded */
const costFacts = (rm: ReadModels, projectId: string | undefined, costId: string): Target => {
  const project = projectFacts(rm, projectId);
  const payer = projectId ? rm.portfolio.projects.get(projectId)?.costs.find((c) => c.costId === costId)?.payerUnitId : undefined;
  return { ...project, units: units(...(project.units ?? []), payer) };
};

const onProject: Facts = ({ targetId, rm }) => projectFacts(rm, targetId);
/** a goal's commands touch the unit that owns it */
const goalUnits = (rm: ReadModels, goalId: string | undefined): string[] => units(goalId ? rm.goals.get(goalId)?.unitId : undefined);
const onGoal: Facts = ({ targetId, rm }) => ({ units: goalUnits(rm, targetId) });
const onBenefit: Facts = ({ targetId, rm }) => benefitFacts(rm, targetId);

export const commandFacts: Record<string, CommandAccess> = {
  registerUnit: rule('registerUnit', I.RegisterUnitInput, ({ input }) => ({ units: units(input.parentId) })),
  renameUnit: { action: 'renameUnit', facts: onUnit },
  moveUnit: rule('moveUnit', I.MoveUnitInput, ({ targetId, input }) => ({ units: units(targetId, input.newParentId) })),
  mergeUnits: rule('mergeUnits', I.MergeUnitsInput, ({ input }) => ({
    units: units(...input.mergedUnitIds, input.successorUnitId, input.parentId),
  })),
  annulUnitMove: { action: 'annulUnitMove', facts: onUnit },
  annulUnitMerger: rule('annulUnitMerger', I.AnnulUnitMergerInput, ({ targetId, input }) => ({ units: units(targetId, input.successorUnitId) })),
  assignUnitLeader: { action: 'assignUnitLeader', facts: onUnit },
  setHourlyRate: { action: 'setHourlyRate', facts: onUnit },
  registerProject: rule('registerProject', I.RegisterProjectInput, ({ input }) => ({ units: units(input.ownerUnitId) })),
  recordCost: rule('recordCost', I.RecordCostInput, ({ targetId, input, rm }) => {
    const project = projectFacts(rm, targetId);
    return { ...project, units: units(...(project.units ?? []), input.payerUnitId) };
  }),
  correctCost: rule('correctCost', I.CorrectCostInput, ({ targetId, input, rm }) => costFacts(rm, targetId, input.costId)),
  reverseCost: rule('reverseCost', I.ReverseCostInput, ({ targetId, input, rm }) => costFacts(rm, targetId, input.costId)),
  stopAnnualCost: rule('stopAnnualCost', I.StopAnnualCostInput, ({ targetId, input, rm }) => costFacts(rm, targetId, input.costId)),
  changeProjectPhase: { action: 'changeProjectPhase', facts: onProject },
  closeProject: { action: 'closeProject', facts: onProject },
  planBenefit: { action: 'planBenefit', facts: onProject },
  recordBaseline: { action: 'recordBaseline', facts: onBenefit },
  recordMeasurement: { action: 'recordMeasurement', facts: onBenefit },
  // evidence for a measurement or realisation: whoever may record one
  attachEvidence: { action: 'recordMeasurement', facts: onBenefit },
  recordRealisation: { action: 'recordRealisation', facts: onBenefit },
  correctRealisation: { action: 'correctRealisation', facts: onBenefit },
  reviseForecast: { action: 'reviseForecast', facts: onBenefit },
  assignBenefitOwner: { action: 'assignBenefitOwner', facts: onBenefit },
  cancelBenefit: { action: 'cancelBenefit', facts: onBenefit },
  approveBenefitPlan: { action: 'approveBenefitPlan', facts: onBenefit },
  recordWithdrawal: { action: 'recordWithdrawal', facts: onBenefit },
  addBenefitAction: { action: 'manageBenefitActions', facts: onBenefit },
  updateBenefitAction: { action: 'manageBenefitActions', facts: onBenefit },
  assessBenefitRisk: { action: 'manageBenefitRisks', facts: onBenefit },
  closeBenefitRisk: { action: 'manageBenefitRisks', facts: onBenefit },
  recordUnplannedBenefit: rule('recordUnplannedBenefit', I.RecordUnplannedBenefitInput, ({ input }) => ({ units: units(input.recipientUnitId) })),
  recordSettlement: rule('recordSettlement', I.RecordSettlementInput, ({ input }) => ({ units: units(input.fromUnitId, input.toUnitId) })),
  // installation-wide: it touches every top unit (kommune), so finance for all of them (or the administrator) reaches it
  setCostBenefitDefaults: { action: 'setCostBenefitSettings', facts: ({ rm }) => ({ units: installationTenants(rm) }) },
  setPriceIndex: { action: 'setCostBenefitSettings', facts: ({ rm }) => ({ units: installationTenants(rm) }) },
  // the unit the grant is for (none: the whole installation, which only the installation administrator reaches)
  grantRole: rule('grantRole', GrantRoleInput, ({ input }) => ({ units: units(input.unitId) })),
  revokeRole: { action: 'revokeRole', facts: ({ targetId, rm }) => ({ units: units(targetId ? rm.access.get(targetId)?.unitId : undefined) }) },
  addMapNode: { action: 'editBenefitMap', facts: onProject },
  changeMapNode: { action: 'editBenefitMap', facts: onProject },
  removeMapNode: { action: 'editBenefitMap', facts: onProject },
  addMapEdge: { action: 'editBenefitMap', facts: onProject },
  removeMapEdge: { action: 'editBenefitMap', facts: onProject },
  defineGoal: rule('defineGoal', I.DefineGoalInput, ({ input }) => ({ units: units(input.unitId) })),
  renameGoal: { action: 'changeGoal', facts: onGoal },
  retireGoal: { action: 'changeGoal', facts: onGoal },
  setGoalRequirement: { action: 'changeGoal', facts: onGoal },
  recordGoalResult: { action: 'recordGoalResult', facts: onGoal },
  // management of the goal's unit, or the leader of the project the benefit belongs to
  linkBenefitToGoal: rule('linkGoal', I.GoalBenefitInput, ({ targetId, input, rm }) => ({
    units: goalUnits(rm, targetId),
    projectLeader: benefitFacts(rm, input.benefitId).projectLeader ?? null,
  })),
  unlinkBenefitFromGoal: rule('linkGoal', I.GoalBenefitInput, ({ targetId, input, rm }) => ({
    units: goalUnits(rm, targetId),
    projectLeader: benefitFacts(rm, input.benefitId).projectLeader ?? null,
  })),
  linkProjectToGoal: rule('linkGoal', I.GoalProjectInput, ({ targetId, input, rm }) => ({
    units: goalUnits(rm, targetId),
    projectLeader: projectFacts(rm, input.projectId).projectLeader ?? null,
  })),
  // the årshjul is the installation's: finance over every kommune (the roots of the unit tree)
  setReportingDeadline: { action: 'setReportingCalendar', facts: ({ rm }) => ({ units: installationTenants(rm) }) },
  removeReportingDeadline: { action: 'setReportingCalendar', facts: ({ rm }) => ({ units: installationTenants(rm) }) },
  unlinkProjectFromGoal: rule('linkGoal', I.GoalProjectInput, ({ targetId, input, rm }) => ({
    units: goalUnits(rm, targetId),
    projectLeader: projectFacts(rm, input.projectId).projectLeader ?? null,
  })),
};

/** the unit tree as the tenant rule reads it */
export const tenantTreeOf = (rm: ReadModels): TenantTree => ({ parentOf: (id) => rm.units.get(id)?.parentId, successorOf: (id) => rm.units.successorOf(id) });

/** the installation's kommuner: the roots of the unit tree today (a merged kommune lives on in its successor) */
export const installationTenants = (rm: ReadModels): string[] => [...rm.units.roots()];

/** whether the installation has more than one kommune (else nothing is cut or fenced: one kommune behaves as always) */
export const hasSeveralTenants = (rm: ReadModels): boolean => rm.units.roots().length > 1;

/**
 * The kommuner a person belongs to (`tenantsOf`): their roles' units, and the units of the projects
 * they lead (its owner, and where its costs and benefits land: a joint project's leader serves every
 * member it has) and of the benefits they own.
 */
export const tenantsOfActor = (rm: ReadModels, actor: Actor): Tenants => {
  const personal: string[] = [];
  for (const p of rm.portfolio.projects.values()) {
    if (p.projectLeader?.toLowerCase() !== actor.id) continue;
    personal.push(p.ownerUnitId, ...p.costs.map((c) => c.payerUnitId));
    for (const id of p.benefitIds) {
      const recipient = rm.portfolio.benefits.get(id)?.recipientUnitId;
      if (recipient) personal.push(recipient);
    }
  }
  for (const b of rm.portfolio.benefits.values()) if (b.owner?.toLowerCase() === actor.id) personal.push(b.recipientUnitId);
  return tenantsOf({ roleUnits: actor.roles.map((r) => r.unitId), personalUnits: personal }, tenantTreeOf(rm), installationTenants(rm));
};

/**
 * The units a command's input names, for the tenant fence: units (`…UnitId`, `parentId`,
 * `newParentId`, `mergedUnitIds`), and the units of the things it names (a `projectId`'s owner, a
 * `benefitId`'s recipient, a `parentGoalId`'s unit).
 */
export const unitsNamedBy = (input: unknown, rm: ReadModels): string[] => {
  if (typeof input !== 'object' || input === null) return [];
  const named: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') {
      if (key === 'projectId') named.push(...units(rm.portfolio.projects.get(value)?.ownerUnitId));
      else if (key === 'benefitId') named.push(...units(rm.portfolio.benefits.get(value)?.recipientUnitId));
      else if (key === 'parentGoalId') named.push(...goalUnits(rm, value));
    }
    if (!/unitids?$|^parentid$|^newparentid$/i.test(key)) continue;
    if (typeof value === 'string') named.push(value);
    else if (Array.isArray(value)) named.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return named;
};

/**
 * The tenant fence of a command: every unit it touches (its target's, and those its input names)
 * lies in a kommune the person belongs to. Units unknown to the tree are left to the deciders.
 */
export const outsideTenants = (rm: ReadModels, actor: Actor, units: readonly string[]): string[] => {
  if (units.length === 0 || !hasSeveralTenants(rm)) return [];
  const tree = tenantTreeOf(rm);
  // the kommuner of the person's roles are theirs whatever they lead or own: the portfolio is walked
  // only for a unit outside those (a command in one's own kommune is the common case)
  const byRoles = tenantsOf({ roleUnits: actor.roles.map((r) => r.unitId), personalUnits: [] }, tree, rm.units.roots());
  const rest = units.filter((u) => rm.units.has(u) && !inTenants(byRoles, u, tree));
  if (rest.length === 0) return [];
  const tenants = tenantsOfActor(rm, actor);
  return rest.filter((u) => !inTenants(tenants, u, tree));
};
