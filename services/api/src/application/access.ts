import type { Action, Target } from '@gevinst/domain/access/index';
import type { ReadModels } from '@gevinst/projections';

/**
 * What each command touches, for the policy: its units, the leader of its project, the owner of its
 * benefit — read from the command's input and the read models. The policy (packages/domain/src/access)
 * decides; this only fills in the facts.
 */
type Facts = (args: { targetId: string | undefined; input: any; rm: ReadModels }) => Target;

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

const onProject: Facts = ({ targetId, rm }) => projectFacts(rm, targetId);
const onBenefit: Facts = ({ targetId, rm }) => benefitFacts(rm, targetId);

export const commandFacts: Record<string, { action: Action; facts: Facts }> = {
  registerUnit: { action: 'registerUnit', facts: ({ input }) => ({ units: units(input.parentId) }) },
  renameUnit: { action: 'renameUnit', facts: onUnit },
  moveUnit: { action: 'moveUnit', facts: ({ targetId, input }) => ({ units: units(targetId, input.newParentId) }) },
  mergeUnits: { action: 'mergeUnits', facts: ({ input }) => ({ units: units(...input.mergedUnitIds, input.successorUnitId, input.parentId) }) },
  assignUnitLeader: { action: 'assignUnitLeader', facts: onUnit },
  setHourlyRate: { action: 'setHourlyRate', facts: onUnit },
  registerProject: { action: 'registerProject', facts: ({ input }) => ({ units: units(input.ownerUnitId) }) },
  recordCost: {
    action: 'recordCost',
    facts: ({ targetId, input, rm }) => {
      const project = projectFacts(rm, targetId);
      return { ...project, units: units(...(project.units ?? []), input.payerUnitId) };
    },
  },
  changeProjectPhase: { action: 'changeProjectPhase', facts: onProject },
  closeProject: { action: 'closeProject', facts: onProject },
  planBenefit: { action: 'planBenefit', facts: onProject },
  recordBaseline: { action: 'recordBaseline', facts: onBenefit },
  recordMeasurement: { action: 'recordMeasurement', facts: onBenefit },
  recordRealisation: { action: 'recordRealisation', facts: onBenefit },
  correctRealisation: { action: 'correctRealisation', facts: onBenefit },
  reviseForecast: { action: 'reviseForecast', facts: onBenefit },
  assignBenefitOwner: { action: 'assignBenefitOwner', facts: onBenefit },
  cancelBenefit: { action: 'cancelBenefit', facts: onBenefit },
  recordWithdrawal: { action: 'recordWithdrawal', facts: onBenefit },
  recordUnplannedBenefit: { action: 'recordUnplannedBenefit', facts: ({ input }) => ({ units: units(input.recipientUnitId) }) },
  recordSettlement: { action: 'recordSettlement', facts: ({ input }) => ({ units: units(input.fromUnitId, input.toUnitId) }) },
  grantRole: { action: 'grantRole', facts: () => ({}) },
  revokeRole: { action: 'revokeRole', facts: () => ({}) },
};
