import { Router } from 'express';

/** `GET /api/openapi.json`: the API's description, the one answer under /api for anybody */
export const openapiRoutes = (openapi: () => unknown) =>
  Router().get('/api/openapi.json', (_req, res) => {
    res.json(openapi());
  });
