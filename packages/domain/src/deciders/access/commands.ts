import type { Role } from '../../events';
import type { UnitsContext } from '../context';
import type { Command } from '../decider';

export type GrantRole = Command<
  'GrantRole',
  { grantId: string; personId: string; role: Role; unitId?: string | null; reason?: string | null },
  UnitsContext
>;

export type RevokeRole = Command<'RevokeRole', { grantId: string; reason?: string | null }, UnitsContext>;

export type AccessCommand = GrantRole | RevokeRole;
