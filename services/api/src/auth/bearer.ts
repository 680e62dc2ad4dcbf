import { createHash, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims } from './relyingParty';
import type { Principal } from './principal';

export const ADMIN_PRINCIPAL: Principal = {
  id: 'admin',
  subject: 'admin',
  name: 'Administrator (GEVINST_ADMIN_TOKEN)',
  email: null,
  groups: [],
  via: 'admin-token',
};

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The issuer could not be asked (its JWKS did not answer): not the token's fault. */
export class IssuerUnavailable extends Error {
  override name = 'IssuerUnavailable';
}

export interface BearerOptions {
  adminToken?: string;
  issuer: () => string;
  audience: () => string;
  groupsClaim: string;
  keys: () => Promise<JWTVerifyGetKey>;
  /**
   * Require `typ: at+jwt` (RFC 9068). Needed when the audience is the client id: the issuer's ID
   * tokens carry that audience too and must not pass as access tokens.
   */
  requireAccessTokenType: boolean;
}

/** `Authorization: Bearer …`: the bootstrap admin token, or an access token (JWT) from the issuer. */
/** how many verified access tokens are remembered (the oldest are forgotten first) */
const VERIFIED_TOKENS = 10_000;

export class BearerTokens {
  private readonly adminDigest?: Buffer;
  /**
   * Access tokens already verified, by digest, until they expire: a script sends the same token with
   * every request, and checking its signature each time cost a third of a command's throughput.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly options: BearerOptions) {
    if (options.adminToken) this.adminDigest = digest(options.adminToken);
  }

  /** The token's person, or undefined when the token is not valid (bad, expired, wrong audience). */
  async principal(token: string): Promise<Principal | undefined> {
    const tokenDigest = digest(token);
    if (this.adminDigest && timingSafeEqual(tokenDigest, this.adminDigest)) return ADMIN_PRINCIPAL;
    if (token.split('.').length !== 3 || token.length > 16_384) return undefined;
    const key = tokenDigest.toString('base64');
    const known = this.verified.get(key);
    if (known && known.expiresAtMs > Date.now()) return known.principal;
    this.verified.delete(key);
    try {
      const { payload } = await jwtVerify(token, await this.options.keys(), {
        issuer: this.options.issuer(),
        audience: this.options.audience(),
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        ...(this.options.requireAccessTokenType ? { typ: 'at+jwt' } : {}),
      });
      const person = principalFromClaims(payload, this.options.groupsClaim);
      // `exp` is a required claim, so jwtVerify has already refused a token without it
      if (!person || payload.exp === undefined) return undefined;
      const principal: Principal = { ...person, via: 'bearer' };
      const oldest = this.verified.size >= VERIFIED_TOKENS ? this.verified.keys().next() : undefined;
      if (oldest && !oldest.done) this.verified.delete(oldest.value);
      this.verified.set(key, { principal, expiresAtMs: payload.exp * 1000 });
      return principal;
    } catch (error) {
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) throw new IssuerUnavailable(String(error));
      return undefined;
    }
  }
}
