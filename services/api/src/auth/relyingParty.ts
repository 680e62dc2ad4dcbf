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
  private readonly insert: Database.Statement;
  private readonly take: Database.Statement<[string, number], { code_verifier: string; nonce: string; return_to: string }>;
  private readonly remove: Database.Statement<[string]>;

  constructor(
    db: Database.Database,
    private readonly options: RelyingPartyOptions,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS login_attempts (
      state_hash TEXT PRIMARY KEY, code_verifier TEXT NOT NULL, nonce TEXT NOT NULL,
      return_to TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
    db.prepare('DELETE FROM login_attempts WHERE expires_at < ?').run(Date.now());
    this.insert = db.prepare('INSERT INTO login_attempts (state_hash, code_verifier, nonce, return_to, expires_at) VALUES (?, ?, ?, ?, ?)');
    this.take = db.prepare('SELECT code_verifier, nonce, return_to FROM login_attempts WHERE state_hash = ? AND expires_at > ?');
    this.remove = db.prepare('DELETE FROM login_attempts WHERE state_hash = ?');
  }

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
    this.insert.run(hashOf(state), verifier, nonce, returnTo, Date.now() + ATTEMPT_MS);
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
    const attempt = this.take.get(hashOf(state), Date.now());
    if (!attempt) throw new LoginFailed('Innloggingen er utløpt eller ble startet i et annet vindu.');
    this.remove.run(hashOf(state));
    const config = await this.config();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const principal = principalFromClaims(tokens.claims() ?? {}, this.options.groupsClaim);
    if (!principal) throw new LoginFailed('Identitetstjenesten oppga verken e-postadresse eller brukernavn.');
    return { principal, returnTo: attempt.return_to };
  }

  /** The issuer's JWKS address (for bearer tokens), from discovery. */
  async jwksUri(): Promise<string | undefined> {
    return (await this.config()).serverMetadata().jwks_uri;
  }
}

export class LoginFailed extends Error {
  override name = 'LoginFailed';
}
