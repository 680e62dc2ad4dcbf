import { quoteIdentifier, type PostgresQuery } from '@gevinst/eventstore';
import type { LoginAttempts } from './relyingParty';
import type { SessionRows } from './sessions';

/** runs `ddl` before the first query that needs it; a failure is tried again by the next one */
const once = (query: PostgresQuery, ddl: string) => {
  let ready: Promise<unknown> | undefined;
  return () =>
    (ready ??= query(ddl).catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
};

/**
 * Sessions in PostgreSQL beside the events, so that a person logged in through one instance is known
 * to every instance behind the load balancer (no sticky sessions), and a logout ends it everywhere.
 */
export const postgresSessionRows = (query: PostgresQuery, schema = 'public'): SessionRows => {
  const table = `${quoteIdentifier(schema)}.gevinst_sessions`;
  const ready = once(
    query,
    `CREATE TABLE IF NOT EXISTS ${table} (
      id_hash text PRIMARY KEY, principal text NOT NULL,
      created_at bigint NOT NULL, last_seen_at bigint NOT NULL, expires_at bigint NOT NULL)`,
  );
  const run = async (text: string, values: unknown[]) => {
    await ready();
    return query(text, values);
  };
  return {
    insert: async (hash, principal, now, expiresAt) =>
      void (await run(`INSERT INTO ${table} (id_hash, principal, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)`, [hash, principal, now, expiresAt])),
    find: async (hash, now) => {
      const row = (await run(`SELECT principal, last_seen_at FROM ${table} WHERE id_hash = $1 AND expires_at > $2`, [hash, now])).rows[0];
      return row ? { principal: String(row.principal), lastSeenAt: Number(row.last_seen_at) } : undefined;
    },
    touch: async (hash, now) => void (await run(`UPDATE ${table} SET last_seen_at = GREATEST(last_seen_at, $2) WHERE id_hash = $1`, [hash, now])),
    remove: async (hash) => void (await run(`DELETE FROM ${table} WHERE id_hash = $1`, [hash])),
    sweep: async (now, idleSince) => void (await run(`DELETE FROM ${table} WHERE expires_at <= $1 OR last_seen_at <= $2`, [now, idleSince])),
  };
};

/** Logins under way in PostgreSQL, so the issuer may send the person back to any instance. */
export const postgresLoginAttempts = (query: PostgresQuery, schema = 'public'): LoginAttempts => {
  const table = `${quoteIdentifier(schema)}.gevinst_login_attempts`;
  const ready = once(
    query,
    `CREATE TABLE IF NOT EXISTS ${table} (
      state_hash text PRIMARY KEY, code_verifier text NOT NULL, nonce text NOT NULL,
      return_to text NOT NULL, expires_at bigint NOT NULL)`,
  );
  return {
    put: async (stateHash, attempt, expiresAt) => {
      await ready();
      await query(`DELETE FROM ${table} WHERE expires_at < $1`, [Date.now()]);
      await query(`INSERT INTO ${table} (state_hash, code_verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
        stateHash,
        attempt.codeVerifier,
        attempt.nonce,
        attempt.returnTo,
        expiresAt,
      ]);
    },
    take: async (stateHash, now) => {
      await ready();
      const row = (
        await query(`DELETE FROM ${table} WHERE state_hash = $1 RETURNING code_verifier, nonce, return_to, expires_at`, [stateHash])
      ).rows[0];
      if (!row || Number(row.expires_at) <= now) return undefined;
      return { codeVerifier: String(row.code_verifier), nonce: String(row.nonce), returnTo: String(row.return_to) };
    },
  };
};
