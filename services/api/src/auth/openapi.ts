/** The login routes and GET /api/me in the OpenAPI document. */
const unauthenticated = {
  description: 'Ikke logget inn, eller ugyldig/utløpt token (WWW-Authenticate: Bearer error="invalid_token")',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'fields'],
            properties: { code: { const: 'unauthenticated' }, message: { type: 'string' }, fields: { type: 'array', items: { type: 'object' } } },
          },
        },
      },
    },
  },
};

export const authOpenApiPaths: Record<string, Record<string, unknown>> = {
  '/api/me': {
    get: {
      operationId: 'me',
      summary: 'Hvem du er: innlogget økt (cookie gevinst_session) eller Authorization: Bearer <token>',
      responses: {
        '200': {
          description: 'Den innloggede',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'name', 'email', 'via', 'groups'],
                properties: {
                  id: { type: 'string', description: 'e-postadresse med små bokstaver (ellers preferred_username); «admin» for GEVINST_ADMIN_TOKEN' },
                  name: { type: 'string' },
                  email: { type: ['string', 'null'] },
                  via: { type: 'string', enum: ['session', 'bearer', 'admin-token'] },
                  groups: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        '401': unauthenticated,
      },
    },
  },
  '/auth/login': {
    get: {
      operationId: 'login',
      summary: 'Start innlogging hos identitetstjenesten (autorisasjonskode med PKCE)',
      parameters: [{ name: 'returnTo', in: 'query', schema: { type: 'string' }, description: 'relativ sti å komme tilbake til (ellers /)' }],
      responses: { '302': { description: 'Videre til identitetstjenesten' }, '503': { description: 'Identitetstjenesten svarer ikke' } },
    },
  },
  '/auth/callback': {
    get: {
      operationId: 'loginCallback',
      summary: 'Tilbake fra identitetstjenesten: lager økten (cookie gevinst_session) og sender videre til returnTo',
      parameters: [
        { name: 'code', in: 'query', schema: { type: 'string' } },
        { name: 'state', in: 'query', schema: { type: 'string' } },
      ],
      responses: { '302': { description: 'Innlogget; videre til returnTo' }, '400': { description: 'Innloggingen feilet (HTML)' } },
    },
  },
  '/auth/logout': {
    post: {
      operationId: 'logout',
      summary: 'Logg ut: sletter økten og cookien',
      responses: { '303': { description: 'Videre til /' } },
    },
  },
};
