import { projectDecider } from '@gevinst/domain/deciders/projects/index';
import { projectStream } from '@gevinst/domain/events/index';
import { v7 as uuidv7 } from 'uuid';
import * as I from '../inputs';
import type { CommandSpec } from '../spec';

const PROJECT = { category: 'project', what: 'prosjektet' } as const;

const onProject = (type: string, name: string, summary: string, input: CommandSpec['input'], data?: (input: any) => object): CommandSpec => ({
  name,
  summary,
  input,
  id: 'target',
  target: PROJECT,
  steps: ({ id, input: value, env }) => [
    {
      streamName: projectStream(id),
      decider: projectDecider,
      command: { type, data: { projectId: id, ...(data ? data(value) : value) }, context: env },
    },
  ],
});

export const projectCommands: Record<string, CommandSpec> = {
  registerProject: {
    name: 'registerProject',
    summary: 'Registrer et prosjekt',
    input: I.RegisterProjectInput,
    id: 'new:project',
    steps: ({ id, input, env }) => [
      { streamName: projectStream(id), decider: projectDecider, command: { type: 'RegisterProject', data: { projectId: id, ...input }, context: env } },
    ],
  },
  recordCost: onProject('RecordCost', 'recordCost', 'Registrer en kostnad på prosjektet', I.RecordCostInput, (input) => ({
    costId: uuidv7(),
    ...input,
  })),
  changeProjectPhase: onProject('ChangeProjectPhase', 'changeProjectPhase', 'Endre prosjektets fase', I.ChangePhaseInput),
  closeProject: onProject('CloseProject', 'closeProject', 'Avslutt prosjektet', I.CloseProjectInput),
};
