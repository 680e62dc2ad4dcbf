import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { isLoopback } from './config';
import type { Principal } from './principal';

export interface RelyingPartyOptions {
  issuer: () => string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  redirectUri: () => string;
  groupsClaim: string;
  /** ask for the password each time (the embedded provider: switching between demo people) */
  promptLogin?: boolean;
}

/** A login started at /auth/login and not yet come back (state, nonce and PKCE verifier), 10 minutes. */
const ATTEMPT_MS = 10 * 60 * 1000;

export interface LoginAttempt {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Where logins under way are kept, by the hash of their state, until the issuer sends the person back. */
export interface LoginAttempts {
  put(stateHash: string, attempt: LoginAttempt, expiresAt: number): Promise<void> | void;
  /** the attempt, removed as it is taken; undefined when unknown or expired */
  take(stateHash: string, now: number): Promise<LoginAttempt | undefined> | LoginAttempt | undefined;
}

/** Logins under way in the instance's SQLite file. */
export const sqliteLoginAttempts = (db: Database.Database): LoginAttempts => {
  db.exec(`CREATE TABLE IF NOT EXISTS login_attempts (
    state_hash TEXT PRIMARY KEY, code_verifier TEXT NOT NULL, nonce TEXT NOT NULL,
    return_to TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
  db.prepare('DELETE FROM login_attempts WHERE expires_at < ?').run(Date.now());
  const insert = db.prepare('INSERT INTO login_attempts (state_hash, code_verifier, nonce, return_to, expires_at) VALUES (?, ?, ?, ?, ?)');
  const take = db.prepare<[string], { codeVerifier: string; nonce: string; returnTo: string; expiresAt: number }>(
    'DELETE FROM login_attempts WHERE state_hash = ? RETURNING code_verifier AS codeVerifier, nonce, return_to AS returnTo, expires_at AS expiresAt',
  );
  return {
    put: (stateHash, a, expiresAt) => void insert.run(stateHash, a.codeVerifier, a.nonce, a.returnTo, expiresAt),
    take: (stateHash, now) => {
      const row = take.get(stateHash);
      return row && row.expiresAt > now ? { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo } : undefined;
    },
  };
};

const hashOf = (value: string) => createHash('sha256').update(value).digest('base64url');

/** The person the issuer vouches for, from the ID token's (or an access token's) claims. */
export const principalFromClaims = (claims: Record<string, unknown>, groupsClaim: string): Omit<Principal, 'via'> | undefined => {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const email = text(claims.email)?.toLowerCase();
  const id = email ?? text(claims.preferred_username)?.toLowerCase() ?? text(claims.upn)?.toLowerCase();
  const subject = text(claims.sub);
  if (!id || !subject) return undefined;
  const raw = claims[groupsClaim];
  const groups = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((g): g is string => typeof g === 'string');
  return { id, subject, name: text(claims.name) ?? id, email: email ?? null, groups };
};

/**
 * Gevinst as an OpenID relying party (openid-client): authorization code with PKCE, state and nonce.
 * Discovery happens at the first login, so start-up never waits for an outside issuer.
 */
export class RelyingParty {
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    private readonly attempts: LoginAttempts,
    private readonly options: RelyingPartyOptions,
  ) {}

  /** The issuer's metadata (discovered once; a failed discovery is tried again at the next login). */
  config(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const issuer = new URL(this.options.issuer());
      const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
      return oidc.discovery(
        issuer,
        this.options.clientId,
        this.options.clientSecret,
        undefined,
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })().catch((error) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Starts a login: answers the issuer's authorization URL and the state to bind to the browser. */
  async start(returnTo: string): Promise<{ url: URL; state: string }> {
    const config = await this.config();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    await this.attempts.put(hashOf(state), { codeVerifier: verifier, nonce, returnTo }, Date.now() + ATTEMPT_MS);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri(),
      scope: this.options.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(this.options.promptLogin ? { prompt: 'login' } : {}),
    });
    return { url, state };
  }

  /**
   * Finishes a login at the callback: `currentUrl` is the callback URL with the issuer's answer,
   * `state` the one the browser's cookie remembers. Answers the person and where to go next.
   */
  async finish(currentUrl: URL, state: string): Promise<{ principal: Omit<Principal, 'via'>; returnTo: string }> {
    // taken once: a replayed callback finds nothing
    const attempt = await this.attempts.take(hashOf(state), Date.now());
    if (!attempt) throw new LoginFailed('Innloggingen er utløpt eller ble startet i et annet vindu.');
    const config = await this.config();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const principal = principalFromClaims(tokens.claims() ?? {}, this.options.groupsClaim);
    if (!principal) throw new LoginFailed('Identitetstjenesten oppga verken e-postadresse eller brukernavn.');
    return { principal, returnTo: attempt.returnTo };
  }

  /** The issuer's JWKS address (for bearer tokens), from discovery. */
  async jwksUri(): Promise<string | undefined> {
    return (await this.config()).serverMetadata().jwks_uri;
  }
}

export class LoginFailed extends Error {
  override name = 'LoginFailed';
}
