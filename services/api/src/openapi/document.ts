export const openapiDocument = (publicUrl?: string) => ({
  openapi: '3.1.0',
  info: { title: 'Gevinst API', version: '0.1.0' },
  servers: publicUrl ? [{ url: publicUrl }] : [],
  paths: {},
});
