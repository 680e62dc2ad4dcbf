import type { Role } from '@gevinst/domain/events';

export interface EmbeddedAccount {
  /** lower-case e-mail; also the account's `sub` */
  email: string;
  name: string;
  /** the `groups` claim the embedded provider issues */
  groups: string[];
  /** the role this demo person is meant to have (for seeding grants) */
  roleHint: Role;
  /** the demo unit (key in demo/municipality.ts) the role is meant for, where it is scoped */
  unit?: string;
}

/** Everyone logs in to the embedded test provider with this password; it is shown on its login page. */
export const EMBEDDED_PASSWORD = 'gevinst-demo';

/** The demo municipality's people, one or more per role (e-mails as in demo/municipality.ts). */
export const EMBEDDED_ACCOUNTS: readonly EmbeddedAccount[] = [
  { email: 'admin@fjordvik.kommune.no', name: 'Siri Berg', groups: ['gevinst-administratorer'], roleHint: 'administrator' },
  { email: 'kommunedirektor@fjordvik.kommune.no', name: 'Kari Nordmann', groups: ['gevinst-ledelse'], roleHint: 'management', unit: 'kommune' },
  { email: 'helsesjef@fjordvik.kommune.no', name: 'Hanne Lie', groups: ['gevinst-ledelse'], roleHint: 'management', unit: 'helse' },
  { email: 'okonomisjef@fjordvik.kommune.no', name: 'Ola Dahl', groups: ['gevinst-okonomi'], roleHint: 'finance', unit: 'kommune' },
  { email: 'prosjektleder.byggesak@fjordvik.kommune.no', name: 'Per Strand', groups: ['gevinst-prosjektledere'], roleHint: 'project-leader', unit: 'teknisk' },
  { email: 'prosjektleder.velferd@fjordvik.kommune.no', name: 'Marit Sande', groups: ['gevinst-prosjektledere'], roleHint: 'project-leader', unit: 'helse' },
  { email: 'byggesak@fjordvik.kommune.no', name: 'Bjørn Moe', groups: ['gevinst-gevinsteiere'], roleHint: 'benefit-owner', unit: 'byggesak' },
  { email: 'hjemmetjenesten@fjordvik.kommune.no', name: 'Liv Aas', groups: ['gevinst-gevinsteiere'], roleHint: 'benefit-owner', unit: 'hjemmetjeneste' },
  { email: 'sykehjemmet@fjordvik.kommune.no', name: 'Nils Hauge', groups: ['gevinst-gevinsteiere'], roleHint: 'benefit-owner', unit: 'sykehjem' },
];

export const embeddedAccount = (email: string): EmbeddedAccount | undefined => {
  const key = email.trim().toLowerCase();
  return EMBEDDED_ACCOUNTS.find((a) => a.email === key);
};
