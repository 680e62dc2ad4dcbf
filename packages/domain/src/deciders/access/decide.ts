import { refuse } from '../../errors';
import type { AccessEvent } from '../../events';
import { emit, requireActiveUnit } from '../rules';
import type { AccessCommand } from './commands';
import type { AccessState } from './state';

/** Roles that act on a unit and everything below it; the others are not scoped to a unit. */
const UNIT_SCOPED = new Set(['finance', 'management', 'project-leader']);

export const decideAccess = (command: AccessCommand, state: AccessState): AccessEvent[] => {
  switch (command.type) {
    case 'GrantRole': {
      const { data, context } = command;
      if (state.status !== 'none') refuse('grant_exists', 'grantId', `Tildelingen «${data.grantId}» finnes allerede`);
      const event = emit('RoleGranted', { ...data, unitId: data.unitId ?? null, reason: data.reason ?? null });
      const { role, unitId } = event.data;
      if (unitId !== null) {
        if (!UNIT_SCOPED.has(role) && role !== 'administrator')
          refuse('role_not_scoped', 'unitId', 'Gevinsteier gjelder gevinstene personen eier og kan ikke avgrenses til en enhet');
        requireActiveUnit(context.units, unitId, 'unitId');
        // a kommune administrator: an administrator for one kommune of the installation (a root unit)
        if (role === 'administrator' && context.units[unitId]?.parentId)
          refuse('role_not_scoped', 'unitId', 'Administrator gjelder hele installasjonen eller én kommune (en enhet øverst i organisasjonen)');
      }
      return [event];
    }
    case 'RevokeRole': {
      if (state.status === 'none') return refuse('grant_not_found', 'grantId', `Fant ikke tildelingen «${command.data.grantId}»`);
      if (state.status === 'revoked') return refuse('grant_revoked', 'grantId', 'Rollen er allerede trukket tilbake');
      const { grant } = state;
      return [emit('RoleRevoked', { grantId: grant.grantId, personId: grant.personId, role: grant.role, unitId: grant.unitId, reason: command.data.reason ?? null })];
    }
  }
};
