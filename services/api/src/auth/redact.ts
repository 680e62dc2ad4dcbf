/** Headers that carry credentials: never written to the log. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

const isLogin = (url: unknown): url is string => typeof url === 'string' && (url.startsWith('/auth/') || url.startsWith('/oidc/'));
/** a login redirect's or callback's query holds the authorization code */
const withoutQuery = (url: string) => url.replace(/\?.*$/, '?[skjult]');

const withoutSecretHeaders = (headers: unknown) => {
  if (!headers || typeof headers !== 'object') return headers;
  return Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).map(([k, v]) => {
      const key = k.toLowerCase();
      if (SECRET_HEADERS.has(key)) return [k, '[skjult]'];
      return [k, key === 'location' && typeof v === 'string' ? withoutQuery(v) : v];
    }),
  );
};

/** pino-http serializers (wrapped around the standard ones) that keep cookies, tokens and codes out of the log. */
export const logSerializers = {
  req: (req: Record<string, unknown>) =>
    isLogin(req.url)
      ? { ...req, url: withoutQuery(req.url), query: '[skjult]', headers: withoutSecretHeaders(req.headers) }
      : { ...req, headers: withoutSecretHeaders(req.headers) },
  res: (res: Record<string, unknown>) => ({ ...res, headers: withoutSecretHeaders(res.headers) }),
};
