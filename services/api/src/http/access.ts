import { authorize, inTenants, refusalOf, scopeOf, tenantOf, type Action, type Target, type TenantTree, type Tenants } from '@gevinst/domain/access';
import type { Role } from '@gevinst/domain/events';
import type { ReadModels } from '@gevinst/projections';
import type { Request } from 'express';
import { actorOf, type ActingPerson, type GroupRoles } from '../auth/actor';
import { principalOf, type Principal } from '../auth/principal';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../application/errors';
import { benefitFacts, hasSeveralTenants, projectFacts, tenantsOfActor, tenantTreeOf } from '../application/access';

/** The roles whose reports are cut to their units: finance and management read the ledger and the målekort. */
export const REPORT_READERS = ['finance', 'management'] as const;

/** The policy at the HTTP edge: who is asking (401 when nobody), may they (403), and what they may see. */
export class AccessControl {
  constructor(
    private readonly rm: ReadModels,
    private readonly groupRoles: GroupRoles,
  ) {}

  /** the logged-in person with their roles now; 401 when the request is anonymous */
  actor(req: Request): ActingPerson {
    const principal = principalOf(req);
    if (!principal) throw new UnauthenticatedError();
    return actorOf(principal, this.rm.access, this.groupRoles);
  }

  /** the roles of a person for GET /api/me, with the units' names */
  rolesOf(principal: Principal) {
    return actorOf(principal, this.rm.access, this.groupRoles).roles.map((r) => ({
      ...r,
      unitName: r.unitId ? (this.rm.units.get(r.unitId)?.name ?? null) : null,
    }));
  }

  /** the person, when the policy lets them do `action` to `target`; 403 with the reason otherwise */
  allow(req: Request, action: Action, target: Target = {}): ActingPerson {
    const actor = this.actor(req);
    const decision = authorize(actor, action, target, this.rm.units);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
    return actor;
  }

  may(actor: ActingPerson, action: Action, target: Target): boolean {
    return authorize(actor, action, target, this.rm.units).allowed;
  }

  /** whether a unit shown in a report lies within what the person's roles of these kinds reach */
  inScope(actor: ActingPerson, roles: readonly Role[]): (unitId: string) => boolean {
    const scope = scopeOf(actor, roles);
    if (scope === 'all') return () => true;
    return (unitId) => scope.some((s) => this.rm.units.isWithin(unitId, s));
  }

  /** the unit tree as the tenant rule reads it */
  private get tenantTree(): TenantTree {
    return tenantTreeOf(this.rm);
  }

  /** the kommuner the person belongs to: their roles' units, the projects they lead, the benefits they own */
  tenants(actor: ActingPerson): Tenants {
    return tenantsOfActor(this.rm, actor);
  }

  /** whether a unit lies in one of the person's kommuner (always, in a single-kommune installation) */
  inTenant(actor: ActingPerson): (unitId: string) => boolean {
    if (!hasSeveralTenants(this.rm)) return () => true;
    const tenants = this.tenants(actor);
    if (tenants === 'all') return () => true;
    const tree = this.tenantTree;
    return (unitId) => inTenants(tenants, unitId, tree);
  }

  /** the kommune a unit belongs to */
  tenantOf(unitId: string): string {
    return tenantOf(unitId, this.tenantTree);
  }

  /**
   * The ids of other kommuners' things the person may not see: units outside their kommuner
   * (`except` the joint project's own owner unit, whose head a member sees), and the projects and
   * benefits of those units the person may not read. Empty for a person who reaches the whole
   * installation and in a single-kommune installation: answers are then left as they are.
   */
  foreignIds(actor: ActingPerson, except: readonly string[] = []): Set<string> {
    const foreign = new Set<string>();
    if (!hasSeveralTenants(this.rm)) return foreign;
    const inTenant = this.inTenant(actor);
    for (const u of this.rm.units.list()) if (!inTenant(u.id) && !except.includes(u.id)) foreign.add(u.id);
    if (foreign.size === 0) return foreign;
    for (const p of this.rm.portfolio.projects.values())
      if (!inTenant(p.ownerUnitId) && !except.includes(p.id) && !this.mayReadProject(actor, p.id)) foreign.add(p.id);
    for (const b of this.rm.portfolio.benefits.values()) if (!inTenant(b.recipientUnitId) && !this.mayReadBenefit(actor, b.id)) foreign.add(b.id);
    return foreign;
  }

  /**
   * Whether the person sees all of a project: a member of every kommune it touches, or its leader.
   * A member of a joint project (its costs and benefits land in several kommuner) sees its own share.
   */
  readsWholeProject(actor: ActingPerson, projectId: string): boolean {
    const project = this.rm.portfolio.projects.get(projectId);
    if (!project) return false;
    if (project.projectLeader?.toLowerCase() === actor.id) return true;
    const inTenant = this.inTenant(actor);
    const units = [project.ownerUnitId, ...project.costs.map((c) => c.payerUnitId), ...project.benefitIds.map((id) => this.rm.portfolio.benefits.get(id)?.recipientUnitId ?? project.ownerUnitId)];
    return units.every(inTenant);
  }

  /** a project is visible to its leader, to roles reaching one of its units, and to the owners of its benefits */
  mayReadProject(actor: ActingPerson, projectId: string): boolean {
    const project = this.rm.portfolio.projects.get(projectId);
    if (!project) return false;
    const recipients = project.benefitIds.map((id) => this.rm.portfolio.benefits.get(id)?.recipientUnitId);
    const target = { ...projectFacts(this.rm, projectId), units: [project.ownerUnitId, ...recipients.filter((u): u is string => !!u)] };
    return this.may(actor, 'readProject', target) || project.benefitIds.some((id) => this.mayReadBenefit(actor, id));
  }

  mayReadBenefit(actor: ActingPerson, benefitId: string): boolean {
    return this.may(actor, 'readBenefit', benefitFacts(this.rm, benefitId));
  }

  /** the person, when they may see the project (404 when there is none, 403 when they may not) */
  readProject(req: Request, projectId: string): ActingPerson {
    const actor = this.actor(req);
    if (!this.rm.portfolio.projects.has(projectId)) throw new NotFoundError('prosjektet', projectId);
    if (!this.mayReadProject(actor, projectId)) throw new ForbiddenError(refusalOf('readProject'));
    return actor;
  }

  readBenefit(req: Request, benefitId: string): ActingPerson {
    const actor = this.actor(req);
    if (!this.rm.portfolio.benefits.has(benefitId)) throw new NotFoundError('gevinsten', benefitId);
    if (!this.mayReadBenefit(actor, benefitId)) throw new ForbiddenError(refusalOf('readBenefit'));
    return actor;
  }
}
