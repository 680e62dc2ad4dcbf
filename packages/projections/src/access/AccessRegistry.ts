import type { RoleAssignment } from '@gevinst/domain/access';
import type { EventDataOf } from '@gevinst/domain/events';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

/** A role grant in force, with who granted it and when. */
export interface GrantView extends EventDataOf<'RoleGranted'> {
  grantedAt: string;
  grantedBy: string | null;
}

/** The role grants in force (revoked ones drop out), by grant and by person. */
export class AccessRegistry implements SnapshotProjection {
  readonly name = 'access';
  private grants = new Map<string, GrantView>();

  reset(): void {
    this.grants = new Map();
  }

  apply(event: ProjectedEvent): void {
    switch (event.type) {
      case 'RoleGranted':
        this.grants.set(event.data.grantId, { ...event.data, grantedAt: event.metadata.recordedAt ?? '', grantedBy: event.metadata.userId ?? null });
        break;
      case 'RoleRevoked':
        this.grants.delete(event.data.grantId);
        break;
    }
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

  /** bump when `GrantView` or the fold changes (stored snapshots are then rebuilt) */
  readonly snapshotVersion = 1;

  snapshot(): unknown {
    return { grants: this.grants };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { grants: 'map' });
    this.grants = s.grants as Map<string, GrantView>;
  }
}
