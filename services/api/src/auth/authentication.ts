import type Database from 'better-sqlite3';
import { Router, type RequestHandler } from 'express';
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { authenticateWith, meHandler, type DescribePrincipal } from './authenticate';
import { BearerTokens } from './bearer';
import { validateAuthConfig, type AuthConfig } from './config';
import { createEmbeddedProvider, EMBEDDED_CLIENT_ID, EMBEDDED_SCOPES, type EmbeddedProvider } from './embeddedProvider';
import { RelyingParty, sqliteLoginAttempts, type LoginAttempts } from './relyingParty';
import { loginRoutes } from './routes';
import { AuthSecrets } from './secrets';
import { Sessions, sqliteSessionRows, type SessionRows } from './sessions';

export interface Authentication {
  /** `/auth/login`, `/auth/callback`, `/auth/logout`, `GET /api/me` and (embedded) `/oidc/…`; mount before any body parser */
  routes: Router;
  /** sets the request's principal from a bearer token or the session cookie; anonymous requests pass on */
  authenticate: RequestHandler;
  /** true when the embedded test provider runs (no OIDC_ISSUER) */
  embedded: boolean;
  /** the embedded provider (tests register more clients on it); undefined with OIDC_ISSUER */
  provider?: EmbeddedProvider;
  /** the URL Gevinst listens on; the embedded provider and the callback use it when no public URL is set */
  setListeningUrl(url: string): void;
  close(): void;
}

export interface AuthenticationDeps {
  /** the SQLite file's connection (sessions, keys, the embedded provider's storage) */
  db: Database.Database;
  logger: Logger;
  /** GEVINST_PUBLIC_URL: what browsers use to reach Gevinst */
  publicUrl?: string;
  config?: AuthConfig;
  /** extra fields for GET /api/me (the roles) */
  describe?: DescribePrincipal;
  /** where sessions and logins under way are kept when not in `db` (PostgreSQL, shared by every instance) */
  shared?: { sessions: SessionRows; loginAttempts: LoginAttempts };
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Who is behind a request: the login (OpenID Connect), sessions, bearer tokens and GET /api/me. */
export const createAuthentication = async ({ db, logger, publicUrl, config = {}, describe, shared }: AuthenticationDeps): Promise<Authentication> => {
  validateAuthConfig(config);
  const secrets = new AuthSecrets(db);
  const sessions = new Sessions(shared?.sessions ?? sqliteSessionRows(db), { absoluteMs: config.sessionAbsoluteMs, idleMs: config.sessionIdleMs });
  const sweepSessions = () => sessions.sweepExpired().catch((err: unknown) => logger.warn({ err }, 'could not remove ended sessions; the next sweep tries again'));
  await sweepSessions();
  const groupsClaim = config.groupsClaim ?? 'groups';
  const provider = config.issuer ? undefined : await createEmbeddedProvider({ db, secrets, logger });

  let base = publicUrl ? trimSlash(publicUrl) : undefined;
  const baseUrl = () => {
    if (!base) throw new Error('authentication: the listening URL is not known yet');
    return base;
  };
  const issuer = () => {
    const url = provider ? provider.issuer() : config.issuer;
    // the embedded provider starts when Gevinst listens, before any request; validateAuthConfig requires OIDC_ISSUER otherwise
    if (!url) throw new Error('authentication: the issuer is not known yet');
    return url;
  };
  const clientId = provider ? EMBEDDED_CLIENT_ID : config.clientId;
  // validateAuthConfig: OIDC_ISSUER without OIDC_CLIENT_ID stops start-up
  if (!clientId) throw new Error('OIDC_CLIENT_ID is missing');
  const audience = config.audience ?? clientId;

  const relyingParty = new RelyingParty(shared?.loginAttempts ?? sqliteLoginAttempts(db), {
    issuer,
    clientId,
    clientSecret: provider ? provider.clientSecret : config.clientSecret,
    scopes: config.scopes ?? (provider ? EMBEDDED_SCOPES : 'openid email profile'),
    redirectUri: () => `${baseUrl()}/auth/callback`,
    groupsClaim,
    promptLogin: !!provider,
  });

  let remoteKeys: JWTVerifyGetKey | undefined;
  const localKeys = provider ? createLocalJWKSet(provider.publicJwks) : undefined;
  const bearer = new BearerTokens({
    adminToken: config.adminToken,
    issuer,
    audience: () => audience,
    groupsClaim,
    keys: async () => {
      if (localKeys) return localKeys;
      if (!remoteKeys) {
        const uri = await relyingParty.jwksUri();
        if (!uri) throw new Error('the issuer publishes no jwks_uri');
        remoteKeys = createRemoteJWKSet(new URL(uri));
      }
      return remoteKeys;
    },
    requireAccessTokenType: audience === clientId,
  });

  const authenticate = authenticateWith(sessions, bearer);
  const routes = Router();
  if (provider) routes.use(provider.router);
  routes.use(loginRoutes({ relyingParty, sessions, baseUrl, logger }));
  routes.get('/api/me', authenticate, meHandler(describe));

  const sweep = setInterval(() => void sweepSessions(), 60 * 60 * 1000);
  sweep.unref();

  return {
    routes,
    authenticate,
    embedded: !!provider,
    provider,
    setListeningUrl(url) {
      base ??= trimSlash(url);
      if (provider && !provider.issuer()) {
        provider.start(base);
        logger.warn(
          `EMBEDDED TEST IDENTITY PROVIDER at ${provider.issuer()} — demo accounts with known passwords; set OIDC_ISSUER for production`,
        );
      }
    },
    close() {
      clearInterval(sweep);
    },
  };
};
