import { startGevinst } from '@gevinst/api/server';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real API on its own SQLite file, serving services/web/dist, without the demo data. */
export async function startServer(dbPath: string): Promise<TestServer> {
  const running = await startGevinst({ port: 0, host: '127.0.0.1', dbPath, demo: false, logLevel: 'silent' });
  return { url: running.url, close: () => running.close() };
}
