import { projectDecider } from '@gevinst/domain/deciders';
import { projectStream } from '@gevinst/domain/events';
import { v7 as uuidv7 } from 'uuid';
import * as I from '../inputs';
import { defineCommand, onTargetOf, stepOn, type CommandSpec } from '../spec';

const PROJECT = { category: 'project', what: 'prosjektet' } as const;

/** A command on the project in the path. */
const onProject = onTargetOf(projectDecider, projectStream, PROJECT);

export const projectCommands: Record<string, CommandSpec> = {
  registerProject: defineCommand({
    name: 'registerProject',
    summary: 'Registrer et prosjekt',
    input: I.RegisterProjectInput,
    id: 'new:project',
    steps: ({ id, input, env }) => [
      stepOn(projectDecider, projectStream(id), { type: 'RegisterProject', data: { projectId: id, ...input }, context: env }),
    ],
  }),
  recordCost: onProject('recordCost', 'Registrer en kostnad på prosjektet', I.RecordCostInput, (projectId, input, context) => ({
    type: 'RecordCost',
    data: { projectId, costId: uuidv7(), ...input },
    context,
  })),
  correctCost: onProject('correctCost', 'Korriger en registrert kostnad (med begrunnelse)', I.CorrectCostInput, (projectId, input, context) => ({
    type: 'CorrectCost',
    data: { projectId, ...input },
    context,
  })),
  reverseCost: onProject('reverseCost', 'Reverser en registrert kostnad (med begrunnelse)', I.ReverseCostInput, (projectId, input, context) => ({
    type: 'ReverseCost',
    data: { projectId, ...input },
    context,
  })),
  stopAnnualCost: onProject('stopAnnualCost', 'Stopp en årlig kostnad etter et siste år (med begrunnelse)', I.StopAnnualCostInput, (projectId, input, context) => ({
    type: 'StopAnnualCost',
    data: { projectId, ...input },
    context,
  })),
  changeProjectPhase: onProject('changeProjectPhase', 'Endre prosjektets fase', I.ChangePhaseInput, (projectId, input, context) => ({
    type: 'ChangeProjectPhase',
    data: { projectId, ...input },
    context,
  })),
  closeProject: onProject('closeProject', 'Avslutt prosjektet', I.CloseProjectInput, (projectId, input, context) => ({
    type: 'CloseProject',
    data: { projectId, ...input },
    context,
  })),
};
