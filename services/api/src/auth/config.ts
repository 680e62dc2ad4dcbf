/** How Gevinst finds out who is behind a request (GevinstConfig.auth). */
export interface AuthConfig {
  /** the kommune's OpenID provider; when absent the embedded test provider runs under /oidc */
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  /** default `openid email profile` (+ `groups` for the embedded provider) */
  scopes?: string;
  /** the `aud` bearer tokens must carry; default the client id */
  audience?: string;
  /** the claim holding the person's groups; default `groups` */
  groupsClaim?: string;
  /** bootstrap token for scripts and first set-up: acts as the administrator `admin` */
  adminToken?: string;
  sessionAbsoluteMs?: number;
  sessionIdleMs?: number;
}

export const ADMIN_TOKEN_MIN_LENGTH = 32;

/** Refused configuration; `message` is one line an operator understands. */
export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

export const authConfigFromEnv = (env: Record<string, string | undefined>): AuthConfig => {
  const config: AuthConfig = {
    issuer: blank(env.OIDC_ISSUER),
    clientId: blank(env.OIDC_CLIENT_ID),
    clientSecret: blank(env.OIDC_CLIENT_SECRET),
    scopes: blank(env.OIDC_SCOPES),
    audience: blank(env.OIDC_AUDIENCE),
    groupsClaim: blank(env.OIDC_GROUPS_CLAIM),
    adminToken: env.GEVINST_ADMIN_TOKEN || undefined,
  };
  validateAuthConfig(config);
  return config;
};

export const validateAuthConfig = (config: AuthConfig): void => {
  if (config.adminToken !== undefined && config.adminToken.length < ADMIN_TOKEN_MIN_LENGTH)
    throw new AuthConfigError(
      `GEVINST_ADMIN_TOKEN is too short (${config.adminToken.length} characters; at least ${ADMIN_TOKEN_MIN_LENGTH}) — make one with: openssl rand -hex 32`,
    );
  if (config.issuer) {
    let url: URL;
    try {
      url = new URL(config.issuer);
    } catch {
      throw new AuthConfigError(`OIDC_ISSUER is not a URL: ${config.issuer}`);
    }
    if (url.protocol !== 'https:' && !isLoopback(url))
      throw new AuthConfigError(`OIDC_ISSUER must be https (http only on loopback): ${config.issuer}`);
    if (!config.clientId) throw new AuthConfigError('OIDC_ISSUER is set, but OIDC_CLIENT_ID is missing');
  }
};

export const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
