import { describe, it } from 'vitest';
import { accessDecider, type AccessEvent, type GrantRole } from '../../src';
import { specFor } from './spec';

const { given } = specFor(accessDecider);
const context: GrantRole['context'] = {
  now: '2026-06-15T10:00:00+02:00',
  units: {
    kommune: { exists: true, active: true, name: 'Fjordvik kommune', parentId: null },
    helse: { exists: true, active: true, name: 'Helse og velferd', parentId: 'kommune' },
    gamle: { exists: true, active: false, name: 'Gamle Forus', mergedInto: 'helse' },
  },
};
const grant = { grantId: 'g1', personId: 'Okonomi@Fjordvik.kommune.no', role: 'finance' as const, unitId: 'helse' };
const granted: AccessEvent = {
  type: 'RoleGranted',
  data: { grantId: 'g1', personId: 'okonomi@fjordvik.kommune.no', role: 'finance', unitId: 'helse', reason: null },
};

describe('access decider', () => {
  it('grants a role for a unit subtree, naming the person by lower-case e-mail', () =>
    given([]).when({ type: 'GrantRole', data: grant, context }).then([granted]));

  it('grants the administrator for the whole installation', () =>
    given([])
      .when({ type: 'GrantRole', data: { grantId: 'g2', personId: 'it@fjordvik.kommune.no', role: 'administrator', reason: 'IT-drift' }, context })
      .then([{ type: 'RoleGranted', data: { grantId: 'g2', personId: 'it@fjordvik.kommune.no', role: 'administrator', unitId: null, reason: 'IT-drift' } }]));

  it('grants a kommune administrator: an administrator for one kommune (a root unit)', () =>
    given([])
      .when({ type: 'GrantRole', data: { ...grant, role: 'administrator', unitId: 'kommune' }, context })
      .then([{ type: 'RoleGranted', data: { ...granted.data, role: 'administrator', unitId: 'kommune' } }]));

  it('refuses an administrator limited to a unit below a kommune, or a benefit owner limited to a unit', () => {
    given([]).when({ type: 'GrantRole', data: { ...grant, role: 'administrator' }, context }).thenThrows('role_not_scoped', 'unitId');
    given([]).when({ type: 'GrantRole', data: { ...grant, role: 'benefit-owner' }, context }).thenThrows('role_not_scoped', 'unitId');
  });

  it('refuses an unknown or merged unit, an unknown role and an empty person', () => {
    given([]).when({ type: 'GrantRole', data: { ...grant, unitId: 'nope' }, context }).thenThrows('unit_not_found', 'unitId');
    given([]).when({ type: 'GrantRole', data: { ...grant, unitId: 'gamle' }, context }).thenThrows('unit_inactive', 'unitId');
    given([]).when({ type: 'GrantRole', data: { ...grant, role: 'superuser' as never }, context }).thenThrows('validation_failed', 'role');
    given([]).when({ type: 'GrantRole', data: { ...grant, personId: ' ' }, context }).thenThrows('validation_failed', 'personId');
  });

  it('refuses granting the same grant twice', () => given([granted]).when({ type: 'GrantRole', data: grant, context }).thenThrows('grant_exists', 'grantId'));

  it('revokes a grant in force, repeating who had what', () =>
    given([granted])
      .when({ type: 'RevokeRole', data: { grantId: 'g1', reason: 'Sluttet' }, context })
      .then([{ type: 'RoleRevoked', data: { grantId: 'g1', personId: 'okonomi@fjordvik.kommune.no', role: 'finance', unitId: 'helse', reason: 'Sluttet' } }]));

  it('refuses revoking a grant that does not exist or is revoked already', () => {
    given([]).when({ type: 'RevokeRole', data: { grantId: 'g1' }, context }).thenThrows('grant_not_found', 'grantId');
    const revoked: AccessEvent = { type: 'RoleRevoked', data: { ...granted.data, reason: null } };
    given([granted, revoked]).when({ type: 'RevokeRole', data: { grantId: 'g1' }, context }).thenThrows('grant_revoked', 'grantId');
  });
});
