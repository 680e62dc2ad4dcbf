import { startGevinst, type GevinstConfig, type RunningGevinst } from '@gevinst/api/server';

export interface TestServer {
  url: string;
  /** the API's event store, for facts the browser cannot make (a mail server that fails) */
  store: RunningGevinst['store'];
  close(): Promise<void>;
}

export type ServerOptions = Pick<GevinstConfig, 'clock' | 'reminders' | 'demo'>;

/** The real API on its own SQLite file, serving services/web/dist, without the demo data. */
export async function startServer(dbPath: string, options: ServerOptions = {}): Promise<TestServer> {
  const running = await startGevinst({ port: 0, host: '127.0.0.1', dbPath, demo: false, logLevel: 'silent', ...options });
  return { url: running.url, store: running.store, close: () => running.close() };
}
