import { describe, expect, it } from 'vitest';
import { authorize, policy, scopeOf, type Action, type Actor, type RoleAssignment, type Target, type Tree } from '../../src';

// kommune ─┬─ helse ── hjemme
//          └─ teknisk ── byggesak
const parents: Record<string, string | null> = { kommune: null, helse: 'kommune', hjemme: 'helse', teknisk: 'kommune', byggesak: 'teknisk' };
const tree: Tree = {
  isWithin: (unitId, scope) => {
    for (let u: string | null | undefined = unitId; u; u = parents[u]) if (u === scope) return true;
    return false;
  },
};

const person = (id: string, ...roles: [RoleAssignment['role'], string | null][]): Actor => ({
  id,
  roles: roles.map(([role, unitId]) => ({ role, unitId, source: 'grant' })),
});

const admin = person('admin', ['administrator', null]);
const kommuneFinance = person('okonomi@k.no', ['finance', null]);
const helseFinance = person('helse.okonomi@k.no', ['finance', 'helse']);
const helseManagement = person('helsesjef@k.no', ['management', 'helse']);
const tekniskLeader = person('pl@k.no', ['project-leader', 'teknisk']);
const owner = person('eier@k.no');
const stranger = person('ukjent@k.no');

const byggesakProject: Target = { units: ['byggesak'], projectLeader: 'PL@k.no' };
const hjemmeBenefit: Target = { units: ['hjemme'], projectLeader: 'pl@k.no', benefitOwner: 'eier@k.no' };
const settlementHelseToTeknisk: Target = { units: ['hjemme', 'byggesak'] };

/** person × action × target → allowed? (and the role acted in), the table the docs show in prose */
const table: [string, Actor, Action, Target, false | string | null][] = [
  ['the administrator may do anything', admin, 'mergeUnits', { units: ['helse', 'teknisk'] }, 'administrator'],
  ['the administrator grants roles', admin, 'grantRole', {}, 'administrator'],
  ['nobody else grants roles', kommuneFinance, 'grantRole', {}, false],
  ['nobody else rebuilds or opens the queue dashboard', helseManagement, 'administer', {}, false],
  ['finance for the whole kommune settles between any units', kommuneFinance, 'recordSettlement', settlementHelseToTeknisk, 'finance'],
  ['finance for helse does not settle with teknisk', helseFinance, 'recordSettlement', settlementHelseToTeknisk, false],
  ['finance for helse settles inside helse', helseFinance, 'recordSettlement', { units: ['helse', 'hjemme'] }, 'finance'],
  ['finance for helse withdraws a gain of hjemme (below helse)', helseFinance, 'recordWithdrawal', { units: ['hjemme'] }, 'finance'],
  ['finance for helse does not withdraw in byggesak', helseFinance, 'recordWithdrawal', { units: ['byggesak'] }, false],
  ['a finance role at a unit does not reach the unit above it', helseFinance, 'setHourlyRate', { units: ['kommune'] }, false],
  ['management for helse renames hjemme', helseManagement, 'renameUnit', { units: ['hjemme'] }, 'management'],
  ['management for helse does not merge helse with teknisk', helseManagement, 'mergeUnits', { units: ['helse', 'teknisk'] }, false],
  ['management may not record withdrawals', helseManagement, 'recordWithdrawal', { units: ['hjemme'] }, false],
  ['a project leader registers a project in their scope', tekniskLeader, 'registerProject', { units: ['byggesak'] }, 'project-leader'],
  ['a project leader does not register one elsewhere', tekniskLeader, 'registerProject', { units: ['helse'] }, false],
  ['the leader records costs on the project they lead (e-mail case ignored)', tekniskLeader, 'recordCost', byggesakProject, 'project-leader'],
  ['someone else leading it: no', tekniskLeader, 'recordCost', { ...byggesakProject, projectLeader: 'annen@k.no' }, false],
  ['the owner records a measurement on their benefit', owner, 'recordMeasurement', hjemmeBenefit, 'benefit-owner'],
  ['the owner may not cancel it', owner, 'cancelBenefit', hjemmeBenefit, false],
  ['the owner may not withdraw its gain', owner, 'recordWithdrawal', hjemmeBenefit, false],
  ['someone else may not record a measurement', stranger, 'recordMeasurement', hjemmeBenefit, false],
  ['the leader may record it as well', tekniskLeader, 'recordMeasurement', hjemmeBenefit, 'project-leader'],
  ['anyone logged in sees the organisation', stranger, 'readUnits', {}, null],
  ['a person reads their own due list', owner, 'readDue', { person: 'eier@k.no' }, 'benefit-owner'],
  ['a person does not read another person’s due list', owner, 'readDue', { person: 'annen@k.no' }, false],
  ['management reads due lists (cut to its scope)', helseManagement, 'readDue', { person: 'annen@k.no' }, 'management'],
  ['a stranger does not see a benefit', stranger, 'readBenefit', hjemmeBenefit, false],
  ['finance for helse sees a benefit received in hjemme', helseFinance, 'readBenefit', hjemmeBenefit, 'finance'],
  ['finance for helse sees a project with one of its units among several', helseFinance, 'readProject', { units: ['byggesak', 'hjemme'] }, 'finance'],
  ['a benefit owner does not see the ledger', owner, 'readLedger', {}, false],
  ['management sees the ledger (cut to its scope)', helseManagement, 'readLedger', {}, 'management'],
  ['an action on no unit is not reached by a unit role', helseManagement, 'renameUnit', { units: [] }, false],
  ['management for helse defines a goal in hjemme', helseManagement, 'defineGoal', { units: ['hjemme'] }, 'management'],
  ['finance does not define goals', helseFinance, 'defineGoal', { units: ['hjemme'] }, false],
  ['a project leader links their benefit to a goal of another unit', tekniskLeader, 'linkGoal', { units: ['kommune'], projectLeader: 'pl@k.no' }, 'project-leader'],
  ['management for helse does not link to a goal of the kommune', helseManagement, 'linkGoal', { units: ['kommune'] }, false],
]; 

describe('the access policy', () => {
  it.each(table)('%s', (_what, actor, action, target, expected) => {
    const decision = authorize(actor, action, target, tree);
    if (expected === false) {
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(new RegExp(`^Du har ikke lov til å ${policy[action].does}\\. Det kan: Administrator`));
    } else expect(decision).toEqual({ allowed: true, role: expected });
  });

  it('every command and read the API knows has a line in the table, and only the administrator has all', () => {
    for (const action of Object.keys(policy) as Action[]) {
      expect(authorize(admin, action, {}, tree).allowed).toBe(true);
      expect(authorize(person('x@k.no'), action, { units: ['kommune'] }, tree).allowed).toBe(action === 'readUnits' || action === 'readGoals' || action === 'readCalendar');
    }
  });

  it('cuts reports to the scope of the roles that may read them', () => {
    expect(scopeOf(helseFinance, ['finance', 'management'])).toEqual(['helse']);
    expect(scopeOf(person('a', ['finance', 'helse'], ['management', 'teknisk']), ['finance', 'management'])).toEqual(['helse', 'teknisk']);
    expect(scopeOf(kommuneFinance, ['finance'])).toBe('all');
    expect(scopeOf(admin, ['finance'])).toBe('all');
    expect(scopeOf(owner, ['finance'])).toEqual([]);
  });
});
