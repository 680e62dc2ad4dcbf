import { embeddedAccount } from '@gevinst/api/accounts';

/** A person the embedded OpenID provider knows (services/api/src/auth/embeddedAccounts.ts): the browser can log in as them. */
const known = (email: string) => {
  const account = embeddedAccount(email);
  if (!account) throw new Error(`${email} er ikke en av de innebygde testpersonene`);
  return { email: account.email, name: account.name };
};

/** administrator through the group `gevinst-administratorer`, also without the demo */
export const ADMIN = known('admin@fjordvik.kommune.no');
/** given `management` in a test's set-up */
export const MANAGEMENT = known('kommunedirektor@fjordvik.kommune.no');
/** given `finance` in a test's set-up */
export const FINANCE = known('okonomisjef@fjordvik.kommune.no');
/** leads the tests' projects (and is given `project-leader` where they register one) */
export const LEADER = known('prosjektleder.byggesak@fjordvik.kommune.no');
/** owns the tests' benefits */
export const OWNER = known('byggesak@fjordvik.kommune.no');
/** another benefit owner */
export const OTHER_OWNER = known('hjemmetjenesten@fjordvik.kommune.no');
