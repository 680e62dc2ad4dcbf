/**
 * Tenants: one installation for several kommuner (an inter-municipal co-operation). A tenant is a
 * kommune, and a kommune is a root of the unit tree: every unit belongs to the root above it (a
 * merged unit to the root above its successor). Mergers across kommuner are refused by the unit
 * decider, so a unit never lies in two. The co-operation's own units (a vertskommune's joint office,
 * a regionråd) are registered as a root of their own and are a tenant like any other.
 */

/** The unit tree, as far as tenants need it (the read model of units gives it). */
export interface TenantTree {
  /** the unit's parent today; null or undefined for a root or an unknown unit */
  parentOf(unitId: string): string | null | undefined;
  /** the unit that carries a merged unit on (itself when not merged) */
  successorOf(unitId: string): string;
}

/** The one rule: the tenant (kommune) a unit belongs to is the root above it. */
export const tenantOf = (unitId: string, tree: TenantTree): string => {
  let current = tree.successorOf(unitId);
  const seen = new Set<string>();
  for (;;) {
    seen.add(current);
    const parent = tree.parentOf(current);
    if (!parent || seen.has(parent)) return current;
    current = tree.successorOf(parent);
    if (seen.has(current)) return current;
  }
};

/** What a person reaches of the installation: every tenant (`all`), or these kommuner. */
export type Tenants = 'all' | ReadonlySet<string>;

/** What makes a person a member of a kommune: the units their roles are scoped to, and what they lead or own. */
export interface Membership {
  /** the units of their roles; null for a role without a unit (the whole installation) */
  roleUnits: readonly (string | null)[];
  /** the owner units of the projects they lead and the recipient units of the benefits they own */
  personalUnits: readonly string[];
}

/**
 * The tenants a person belongs to: those their grants, leaderships and ownerships reach. A role
 * without a unit reaches the whole installation. A person who belongs to no kommune reaches the
 * installation's one kommune when there is only one (a single-kommune installation behaves as
 * before tenants), else nothing.
 */
export const tenantsOf = (m: Membership, tree: TenantTree, installationTenants: readonly string[]): Tenants => {
  if (m.roleUnits.some((u) => u === null)) return 'all';
  const tenants = new Set<string>();
  for (const u of [...m.roleUnits, ...m.personalUnits]) if (u) tenants.add(tenantOf(u, tree));
  const [only, ...others] = installationTenants;
  if (tenants.size === 0 && only !== undefined && others.length === 0) tenants.add(only);
  return tenants;
};

/** whether a unit lies in the tenants */
export const inTenants = (tenants: Tenants, unitId: string, tree: TenantTree): boolean =>
  tenants === 'all' || tenants.has(tenantOf(unitId, tree));
