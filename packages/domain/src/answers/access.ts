import { z } from 'zod';
import { RoleSchema } from '../events/access';

/** `GET /api/me`: the logged-in person and every role they hold now (from grants and from the issuer's groups). */
export const MeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  via: z.enum(['session', 'bearer', 'admin-token']),
  groups: z.array(z.string()),
  /** `unitId`/`unitName` for roles scoped to a unit subtree; null for the whole installation */
  roles: z.array(z.object({ role: RoleSchema, unitId: z.string().nullable(), unitName: z.string().nullable(), source: z.enum(['grant', 'group']) })),
});
export type Me = z.infer<typeof MeSchema>;

/** `GET /api/access/grants` row: a role grant in force. */
export const RoleGrantViewSchema = z.object({
  grantId: z.string(),
  personId: z.string(),
  role: RoleSchema,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  reason: z.string().nullable(),
  grantedAt: z.string(),
  grantedBy: z.string().nullable(),
});
export type RoleGrantView = z.infer<typeof RoleGrantViewSchema>;
export const RoleGrantsSchema = z.array(RoleGrantViewSchema);

/** One line of «hvem gjorde hva, når». */
export const AuditEntrySchema = z.object({
  /** ISO instant */
  at: z.string(),
  position: z.string(),
  streamName: z.string(),
  type: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** the role the person acted in; null for Gevinst's own processes and events from before roles */
  role: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/audit/{projects|benefits|units}/:id` */
export const AuditTrailSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditTrail = z.infer<typeof AuditTrailSchema>;
