import { z } from 'zod';
import { IdSchema, nullableDefault, TextSchema } from './primitives';

/** Who may do what (DESIGN.md "Who may do what"); bokmål names in `roleLabels`. */
export const RoleSchema = z.enum(['administrator', 'finance', 'management', 'project-leader', 'benefit-owner'], {
  error: 'Ukjent rolle: bruk administrator, finance (økonomi), management (ledelse), project-leader (prosjektleder) eller benefit-owner (gevinsteier)',
});
export type Role = z.infer<typeof RoleSchema>;

export const roleLabels: Record<Role, string> = {
  administrator: 'Administrator',
  finance: 'Økonomi',
  management: 'Ledelse',
  'project-leader': 'Prosjektleder',
  'benefit-owner': 'Gevinsteier',
};

/**
 * A person is named by the key the rest of Gevinst uses for people: the e-mail address in lower case
 * (owners and leaders are e-mail addresses), or `admin` for the bootstrap token.
 */
export const PersonIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'Må fylles ut' })
  .max(320)
  // no whitespace and no C0 control (U+0000–U+001F); DEL and the C1 controls (U+007F–U+009F) stay allowed
  .regex(/^(?:[^\s\p{Cc}]|[\x7f-\x9f])+$/u, { error: 'Ugyldig person (bruk e-postadressen)' });

/** On the grant's own stream `access-<grantId>`. `unitId` null: the whole installation. */
export const RoleGrantedSchema = z.object({
  grantId: IdSchema,
  personId: PersonIdSchema,
  role: RoleSchema,
  unitId: nullableDefault(IdSchema),
  reason: nullableDefault(TextSchema),
});

export const RoleRevokedSchema = z.object({
  grantId: IdSchema,
  personId: PersonIdSchema,
  role: RoleSchema,
  unitId: z.nullable(IdSchema),
  reason: nullableDefault(TextSchema),
});

export const accessEventSchemas = {
  RoleGranted: RoleGrantedSchema,
  RoleRevoked: RoleRevokedSchema,
} as const;
