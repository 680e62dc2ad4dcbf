/** The parts of `GET /api/openapi.json` the tests read. */
export interface JsonSchemaShape {
  type?: string;
  properties?: Record<string, JsonSchemaShape>;
  required?: string[];
  enum?: unknown[];
}

export interface OpenApiOperation {
  parameters?: { name: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchemaShape } | undefined> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation | undefined> | undefined>;
}
