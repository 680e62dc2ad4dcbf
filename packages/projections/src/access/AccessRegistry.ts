import type { RoleAssignment } from '@gevinst/domain/access/index';
import type { EventDataOf } from '@gevinst/domain/events/index';
import type { RecordedEvent } from '@gevinst/eventstore/port';
import type { Projection } from '../runner/projection';

/** A role grant in force, with who granted it and when. */
export interface GrantView extends EventDataOf<'RoleGranted'> {
  grantedAt: string;
  grantedBy: string | null;
}

/** The role grants in force (revoked ones drop out), by grant and by person. */
export class AccessRegistry implements Projection {
  readonly name = 'access';
  private grants = new Map<string, GrantView>();

  reset(): void {
    this.grants = new Map();
  }

  apply(event: RecordedEvent): void {
    if (event.type === 'RoleGranted') {
      const data = event.data as EventDataOf<'RoleGranted'>;
      this.grants.set(data.grantId, { ...data, grantedAt: event.metadata.recordedAt ?? '', grantedBy: event.metadata.userId ?? null });
    } else if (event.type === 'RoleRevoked') this.grants.delete((event.data as EventDataOf<'RoleRevoked'>).grantId);
  }

  list(): GrantView[] {
    return [...this.grants.values()];
  }

  get(grantId: string): GrantView | undefined {
    return this.grants.get(grantId);
  }

  rolesOf(personId: string): RoleAssignment[] {
    const id = personId.toLowerCase();
    const roles: RoleAssignment[] = [];
    for (const g of this.grants.values()) if (g.personId === id) roles.push({ role: g.role, unitId: g.unitId, source: 'grant' });
    return roles;
  }
}
