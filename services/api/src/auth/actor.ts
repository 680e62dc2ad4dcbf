import type { Actor, RoleAssignment } from '@gevinst/domain/access';
import { RoleSchema } from '@gevinst/domain/events';
import type { AccessRegistry } from '@gevinst/projections';
import { z } from 'zod';
import type { Principal } from './principal';

/** The person acting, with every role they hold now; what the policy decides on and the audit records. */
export interface ActingPerson extends Actor {
  name: string;
}

/**
 * Roles that follow from the identity provider's groups: `{ "<group>": [{ "role": "finance", "unitId": "…" }] }`.
 * Configured by `GEVINST_GROUP_ROLES` (JSON); the embedded provider's administrators' group is mapped by default.
 */
export type GroupRoles = Record<string, { role: RoleAssignment['role']; unitId: string | null }[]>;

export const DEFAULT_GROUP_ROLES: GroupRoles = { 'gevinst-administratorer': [{ role: 'administrator', unitId: null }] };

const GroupRolesSchema = z.record(z.string(), z.array(z.object({ role: RoleSchema, unitId: z.string().min(1).nullish().transform((u) => u ?? null) })));

const parseJson = (json: string): unknown => {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
};

/** Reads `GEVINST_GROUP_ROLES`; a malformed value stops start-up with a message that names the variable. */
export const parseGroupRoles = (json: string | undefined): GroupRoles => {
  if (!json) return DEFAULT_GROUP_ROLES;
  const parsed = GroupRolesSchema.safeParse(parseJson(json));
  if (!parsed.success)
    throw new Error('GEVINST_GROUP_ROLES must be JSON like {"gevinst-administratorer":[{"role":"administrator"}],"okonomi":[{"role":"finance","unitId":"<enhet-id>"}]}');
  return parsed.data;
};

export const actorOf = (principal: Principal, access: AccessRegistry, groupRoles: GroupRoles): ActingPerson => {
  if (principal.via === 'admin-token') return { id: principal.id, name: principal.name, roles: [{ role: 'administrator', unitId: null, source: 'grant' }] };
  const roles: RoleAssignment[] = access.rolesOf(principal.id);
  for (const group of principal.groups)
    for (const r of Object.hasOwn(groupRoles, group) ? (groupRoles[group] ?? []) : []) roles.push({ role: r.role, unitId: r.unitId, source: 'group' });
  return { id: principal.id, name: principal.name, roles };
};
