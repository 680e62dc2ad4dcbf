import { accessDecider } from '@gevinst/domain/deciders';
import { accessStream, RoleSchema } from '@gevinst/domain/events';
import { z } from 'zod';
import { defineCommand, stepOn, type CommandSpec } from '../spec';

const id = z.string().trim().min(1, { error: 'Må fylles ut' }).max(200);
const reason = z.string().max(5000).nullish();

export const GrantRoleInput = z.object({
  personId: z.string().trim().min(1, { error: 'Må fylles ut' }).max(320),
  role: RoleSchema,
  unitId: id.nullish(),
  reason,
});
export const RevokeRoleInput = z.object({ reason });

export const accessCommands: Record<string, CommandSpec> = {
  grantRole: defineCommand({
    name: 'grantRole',
    summary: 'Tildel en rolle, for hele installasjonen eller en enhet og alt under den',
    input: GrantRoleInput,
    id: 'new:access',
    steps: ({ id: grantId, input, env }) => [
      stepOn(accessDecider, accessStream(grantId), { type: 'GrantRole', data: { grantId, ...input }, context: env }),
    ],
  }),
  revokeRole: defineCommand({
    name: 'revokeRole',
    summary: 'Trekk tilbake en tildelt rolle',
    input: RevokeRoleInput,
    id: 'target',
    target: { category: 'access', what: 'tildelingen' },
    steps: ({ id: grantId, input, env }) => [
      stepOn(accessDecider, accessStream(grantId), { type: 'RevokeRole', data: { grantId, ...input }, context: env }),
    ],
  }),
};
