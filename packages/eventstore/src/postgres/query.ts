/** node-postgres' `pool.query`, as far as what is kept beside the events needs it (keys, read models, sessions) */
export type PostgresQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
