import type Database from 'better-sqlite3';
import express, { Router, type Request, type Response } from 'express';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { default as Provider, ClientMetadata, Configuration, Interaction } from 'oidc-provider';
import type { Logger } from 'pino';
import { embeddedAccount, EMBEDDED_PASSWORD } from './embeddedAccounts';
import { loginPage, problemPage } from './loginPage';
import { sqliteOidcAdapter } from './oidcAdapter';
import type { AuthSecrets } from './secrets';

export const EMBEDDED_PATH = '/oidc';
/** Gevinst's own web login (confidential client, code + PKCE) */
export const EMBEDDED_CLIENT_ID = 'gevinst';
/** scripts and tests: a public native client (PKCE, loopback redirect) whose access tokens are JWTs for Gevinst */
export const EMBEDDED_CLI_CLIENT_ID = 'gevinst-cli';
export const EMBEDDED_CLI_REDIRECT_URI = 'http://127.0.0.1/callback';
export const EMBEDDED_SCOPES = 'openid email profile groups';

export interface EmbeddedProvider {
  /** `/oidc/...`: the provider and its login page; mount before any body parser */
  router: Router;
  /** builds the provider for this base URL (Gevinst's public or listening URL); until then /oidc answers 503 */
  start(baseUrl: string): void;
  issuer(): string | undefined;
  clientSecret: string;
  /** the public signing keys (bearer tokens are checked against them without a round trip) */
  publicJwks: { keys: JWK[] };
  /** the audience of the access tokens it issues for Gevinst */
  audience: string;
  /** registers one more client (another Gevinst in a test, a script) */
  registerClient(metadata: ClientMetadata): Promise<void>;
}

const sameText = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const signingKey = async (secrets: AuthSecrets): Promise<JWK> =>
  JSON.parse(
    await secrets.getOrCreate('oidc.signing-key', async () => {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const jwk = await exportJWK(privateKey);
      return JSON.stringify({ ...jwk, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') });
    }),
  ) as JWK;

/** the consent prompt comes after the login prompt, so the interaction has a session */
const newGrant = (p: Provider, session: Interaction['session'], clientId: string) => {
  if (!session) throw new Error('embedded provider: consent asked without a login session');
  return new p.Grant({ accountId: session.accountId, clientId });
};

const publicPart = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }: JWK): JWK => pub;

/**
 * A real OpenID provider (oidc-provider) inside Gevinst's own express app, for the two-command start
 * and for tests: its accounts are the demo municipality's people with one known password. It must
 * never run when the kommune's own issuer is configured.
 */
export const createEmbeddedProvider = async ({ db, secrets, logger }: { db: Database.Database; secrets: AuthSecrets; logger: Logger }): Promise<EmbeddedProvider> => {
  const key = await signingKey(secrets);
  const cookieKey = await secrets.getOrCreate('oidc.cookie-key', () => randomBytes(32).toString('base64url'));
  const clientSecret = await secrets.getOrCreate('oidc.client-secret', () => randomBytes(32).toString('base64url'));
  const adapter = sqliteOidcAdapter(db);
  const audience = EMBEDDED_CLIENT_ID;
  let provider: Promise<Provider> | undefined;
  let handle: ((req: Request, res: Response) => unknown) | undefined;
  let base: string | undefined;

  const configuration = (baseUrl: string): Configuration => ({
    adapter,
    clients: [
      {
        client_id: EMBEDDED_CLIENT_ID,
        client_secret: clientSecret,
        client_name: 'Gevinst',
        redirect_uris: [`${baseUrl}/auth/callback`],
        post_logout_redirect_uris: [`${baseUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: EMBEDDED_CLI_CLIENT_ID,
        client_name: 'Gevinst-skript',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: [EMBEDDED_CLI_REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: [cookieKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    // the ID token carries email, name and groups, so the relying party needs no userinfo call
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    findAccount(_ctx, sub) {
      const account = embeddedAccount(sub);
      if (!account) return undefined;
      return {
        accountId: account.email,
        claims: () => ({ sub: account.email, email: account.email, email_verified: true, name: account.name, groups: account.groups }),
      };
    },
    extraTokenClaims(_ctx, token) {
      const account = 'accountId' in token && typeof token.accountId === 'string' ? embeddedAccount(token.accountId) : undefined;
      return account ? { email: account.email, name: account.name, groups: account.groups } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${EMBEDDED_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => `${baseUrl}/api`,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'gevinst', audience, accessTokenTTL: 60 * 60, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    clientBasedCORS: () => false,
    ttl: { AccessToken: 60 * 60, Session: 8 * 60 * 60, Grant: 8 * 60 * 60, Interaction: 60 * 60, AuthorizationCode: 60, IdToken: 60 * 60 },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = problemPage('Innloggingen feilet', `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`, {
        href: '/auth/login',
        label: 'Prøv igjen',
      });
    },
  });

  // the provider is an application of its own under /oidc (its pages are not Gevinst's API)
  const idp = express();
  idp.disable('x-powered-by');
  const router = Router();
  router.use(EMBEDDED_PATH, idp);
  /** the provider, built at the first request under /oidc after `start` (oidc-provider takes a second to load, which the API's start does not wait for) */
  const build = (): Promise<Provider> | undefined => {
    const issuerBase = base;
    if (issuerBase === undefined) return undefined;
    return (provider ??= import('oidc-provider').then(({ default: Provider }) => {
      const p = new Provider(`${issuerBase}${EMBEDDED_PATH}`, configuration(issuerBase));
      if (issuerBase.startsWith('https:')) p.proxy = true;
      handle = p.callback() as (req: Request, res: Response) => unknown;
      p.on('server_error', (_ctx, err) => logger.error({ err }, 'embedded provider: server error'));
      return p;
    }, (error: unknown) => {
      // a failed load is tried again at the next request
      provider = undefined;
      throw error;
    }));
  };
  const current = async (res: Response): Promise<Provider | undefined> => {
    const p = await build();
    if (!p) res.status(503).type('text/plain').send('Påloggingen starter – prøv igjen om et øyeblikk.');
    return p;
  };
  const action = (uid: string) => `${EMBEDDED_PATH}/interaction/${encodeURIComponent(uid)}/login`;
  const expired = (res: Response) =>
    res
      .status(400)
      .type('html')
      .send(problemPage('Innloggingen er utløpt', 'Påloggingen tok for lang tid eller ble startet i et annet vindu. Start på nytt.', { href: '/auth/login', label: 'Logg inn på nytt' }));

  /**
   * Someone else logged in earlier in this browser (switching demo people): their provider session
   * ends here. oidc-provider would otherwise first send the browser through an auto-submitting
   * "end session" page, which needs JavaScript and a second round trip.
   */
  const forgetEarlierPerson = async (uid: string, sessionId: string) => {
    const interactions = adapter('Interaction');
    const stored = await interactions.find(uid);
    if (stored) {
      delete stored.session;
      await interactions.upsert(uid, stored, Math.max(1, (stored.exp ?? 0) - Math.floor(Date.now() / 1000)));
    }
    await adapter('Session').destroy(sessionId);
  };

  idp.get('/interaction/:uid', async (req: Request, res: Response, next) => {
    try {
      const p = await current(res);
      if (!p) return;
      const details = await p.interactionDetails(req, res).catch(() => undefined);
      if (!details || details.uid !== req.params.uid) return expired(res);
      res.setHeader('Cache-Control', 'no-store');
      if (details.prompt.name === 'login') {
        const client = await p.Client.find(String(details.params.client_id));
        return res.type('html').send(loginPage({ action: action(details.uid), clientName: client?.clientName }));
      }
      // every client of the embedded provider is one Gevinst registered itself: consent is given
      const { prompt, params, session } = details;
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      const grant = details.grantId ? await p.Grant.find(details.grantId) : newGrant(p, session, String(params.client_id));
      if (!grant) return expired(res);
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      await p.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  idp.post('/interaction/:uid/login', express.urlencoded({ extended: false, limit: '8kb' }), async (req: Request, res: Response, next) => {
    try {
      const p = await current(res);
      if (!p) return;
      const details = await p.interactionDetails(req, res).catch(() => undefined);
      if (!details || details.uid !== req.params.uid || details.prompt.name !== 'login') return expired(res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
      const account = embeddedAccount(email);
      if (!account || !sameText(password, EMBEDDED_PASSWORD)) {
        logger.info({ email: account ? account.email : 'ukjent' }, 'embedded provider: login refused');
        return res
          .status(401)
          .setHeader('Cache-Control', 'no-store')
          .type('html')
          .send(loginPage({ action: action(details.uid), email, error: 'Feil e-postadresse eller passord. Prøv igjen.' }));
      }
      await p.interactionFinished(req, res, { login: { accountId: account.email } }, { mergeWithLastSubmission: false });
      if (details.session?.accountId && details.session.accountId !== account.email) await forgetEarlierPerson(details.uid, details.session.cookie);
    } catch (error) {
      next(error);
    }
  });

  idp.use((req, res, next) => {
    current(res).then((p) => (p ? handle?.(req, res) : undefined), next);
  });

  return {
    router,
    start(baseUrl) {
      base = baseUrl.replace(/\/+$/, '');
      provider = undefined;
    },
    issuer: () => (base ? `${base}${EMBEDDED_PATH}` : undefined),
    clientSecret,
    publicJwks: { keys: [publicPart(key)] },
    audience,
    async registerClient(metadata) {
      await adapter('Client').upsert(metadata.client_id, metadata, 0);
    },
  };
};
