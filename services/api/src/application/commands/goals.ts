import { goalDecider, type GoalContext } from '@gevinst/domain/deciders';
import { goalStream } from '@gevinst/domain/events';
import * as I from '../inputs';
import { defineCommand, onTargetOf, stepOn, type CommandEnv, type CommandSpec } from '../spec';

const GOAL = { category: 'goal', what: 'målet' } as const;

const goalContext = (env: CommandEnv): GoalContext => ({ now: env.now, units: env.units, projects: env.projects, goals: env.goals, benefits: env.benefits });

/** A command on the goal in the path. */
const onGoal = onTargetOf(goalDecider, goalStream, GOAL);

export const goalCommands: Record<string, CommandSpec> = {
  defineGoal: defineCommand({
    name: 'defineGoal',
    summary: 'Definer et mål (hovedmål, delmål eller måleindikator)',
    input: I.DefineGoalInput,
    id: 'new:goal',
    steps: ({ id, input, env }) => [stepOn(goalDecider, goalStream(id), { type: 'DefineGoal', data: { goalId: id, ...input }, context: goalContext(env) })],
  }),
  renameGoal: onGoal('renameGoal', 'Gi målet ny tittel eller beskrivelse', I.RenameGoalInput, (goalId, input, env) => ({
    type: 'RenameGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  retireGoal: onGoal('retireGoal', 'Avvikle målet (med begrunnelse)', I.RetireGoalInput, (goalId, input, env) => ({
    type: 'RetireGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  setGoalRequirement: onGoal('setGoalRequirement', 'Sett resultatkrav og resultatgrenser for et år (måleindikator)', I.SetGoalRequirementInput, (goalId, input, env) => ({
    type: 'SetGoalRequirement',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  recordGoalResult: onGoal('recordGoalResult', 'Registrer resultatet for et år (måleindikator)', I.RecordGoalResultInput, (goalId, input, env) => ({
    type: 'RecordGoalResult',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  linkBenefitToGoal: onGoal('linkBenefitToGoal', 'Knytt en gevinst til målet', I.GoalBenefitInput, (goalId, input, env) => ({
    type: 'LinkBenefitToGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  unlinkBenefitFromGoal: onGoal('unlinkBenefitFromGoal', 'Fjern koblingen mellom en gevinst og målet', I.GoalBenefitInput, (goalId, input, env) => ({
    type: 'UnlinkBenefitFromGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  linkProjectToGoal: onGoal('linkProjectToGoal', 'Knytt et prosjekt til målet', I.GoalProjectInput, (goalId, input, env) => ({
    type: 'LinkProjectToGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
  unlinkProjectFromGoal: onGoal('unlinkProjectFromGoal', 'Fjern koblingen mellom et prosjekt og målet', I.GoalProjectInput, (goalId, input, env) => ({
    type: 'UnlinkProjectFromGoal',
    data: { goalId, ...input },
    context: goalContext(env),
  })),
};
