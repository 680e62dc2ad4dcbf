import { describe, expect, it } from 'vitest';
import { authorize, inTenants, scopeOf, tenantOf, tenantsOf, type Actor, type RoleAssignment, type TenantTree, type Tree } from '../../src/access';

// Two kommuner and the co-operation's own root in one installation:
// indre ─┬─ indreHelse ── indreSykehjem      orland ── orlandHelse      fosen (the co-operation)
//        └─ gamleRissa (merged into indreHelse)
const parents: Record<string, string | null> = {
  indre: null,
  indreHelse: 'indre',
  indreSykehjem: 'indreHelse',
  gamleRissa: 'indre',
  orland: null,
  orlandHelse: 'orland',
  fosen: null,
};
const successors: Record<string, string> = { gamleRissa: 'indreHelse' };
const tenantTree: TenantTree = { parentOf: (u) => parents[u], successorOf: (u) => successors[u] ?? u };
const tree: Tree = {
  isWithin: (unitId, scope) => {
    for (const start of [unitId, successors[unitId] ?? unitId])
      for (let u: string | null | undefined = start; u; u = parents[u]) if (u === scope) return true;
    return false;
  },
};
const person = (id: string, ...roles: [RoleAssignment['role'], string | null][]): Actor => ({
  id,
  roles: roles.map(([role, unitId]) => ({ role, unitId, source: 'grant' })),
});

describe('a tenant is a kommune: the root above a unit', () => {
  it('names the root, following a merged unit to its successor', () => {
    expect(tenantOf('indreSykehjem', tenantTree)).toBe('indre');
    expect(tenantOf('indre', tenantTree)).toBe('indre');
    expect(tenantOf('orlandHelse', tenantTree)).toBe('orland');
    expect(tenantOf('gamleRissa', tenantTree)).toBe('indre');
    expect(tenantOf('fosen', tenantTree)).toBe('fosen');
  });

  it('makes a person a member of the kommuner their roles, leaderships and ownerships reach', () => {
    const all = ['indre', 'orland', 'fosen'];
    expect(tenantsOf({ roleUnits: ['indreHelse'], personalUnits: [] }, tenantTree, all)).toEqual(new Set(['indre']));
    expect(tenantsOf({ roleUnits: [], personalUnits: ['orlandHelse', 'indreSykehjem'] }, tenantTree, all)).toEqual(new Set(['orland', 'indre']));
    // a role without a unit is the whole installation's
    expect(tenantsOf({ roleUnits: ['orland', null], personalUnits: [] }, tenantTree, all)).toBe('all');
    // nobody's member: nothing in a co-operation, the one kommune in a single-kommune installation
    expect(tenantsOf({ roleUnits: [], personalUnits: [] }, tenantTree, all)).toEqual(new Set());
    expect(tenantsOf({ roleUnits: [], personalUnits: [] }, tenantTree, ['indre'])).toEqual(new Set(['indre']));
    expect(inTenants(new Set(['indre']), 'gamleRissa', tenantTree)).toBe(true);
    expect(inTenants(new Set(['indre']), 'orlandHelse', tenantTree)).toBe(false);
    expect(inTenants('all', 'orlandHelse', tenantTree)).toBe(true);
  });
});

describe('a kommune administrator: an administrator scoped to its kommune', () => {
  const indreAdmin = person('admin@indre.no', ['administrator', 'indre']);
  const installationAdmin = person('admin@fosen.no', ['administrator', null]);

  it('may do anything inside its kommune and nothing that touches another', () => {
    expect(authorize(indreAdmin, 'renameUnit', { units: ['indreSykehjem'] }, tree)).toEqual({ allowed: true, role: 'administrator' });
    expect(authorize(indreAdmin, 'renameUnit', { units: ['orlandHelse'] }, tree).allowed).toBe(false);
    expect(authorize(indreAdmin, 'recordSettlement', { units: ['indreHelse', 'orlandHelse'] }, tree).allowed).toBe(false);
    expect(authorize(indreAdmin, 'grantRole', { units: ['indreHelse'] }, tree).allowed).toBe(true);
    // a grant without a unit is the whole installation: not the kommune administrator's to give
    expect(authorize(indreAdmin, 'grantRole', { units: [] }, tree).allowed).toBe(false);
    expect(authorize(indreAdmin, 'revokeRole', { units: ['orland'] }, tree).allowed).toBe(false);
    expect(authorize(indreAdmin, 'recordCost', { units: [] }, tree).allowed).toBe(false);
  });

  it('reads what touches its kommune, the reports cut to it, and not the administration tools', () => {
    expect(authorize(indreAdmin, 'readProject', { units: ['fosen', 'indreHelse', 'orlandHelse'] }, tree).allowed).toBe(true);
    expect(authorize(indreAdmin, 'readProject', { units: ['orland'] }, tree).allowed).toBe(false);
    expect(authorize(indreAdmin, 'readLedger', {}, tree).allowed).toBe(true);
    expect(authorize(indreAdmin, 'readRoles', {}, tree).allowed).toBe(true);
    expect(authorize(indreAdmin, 'administer', {}, tree).allowed).toBe(false);
    expect(scopeOf(indreAdmin, ['finance', 'management'])).toEqual(['indre']);
  });

  it('leaves the installation administrator everything', () => {
    expect(authorize(installationAdmin, 'administer', {}, tree).allowed).toBe(true);
    expect(authorize(installationAdmin, 'grantRole', { units: [] }, tree).allowed).toBe(true);
    expect(scopeOf(installationAdmin, ['finance'])).toBe('all');
  });
});
