import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startGevinst, type RunningGevinst } from '../../../../services/api/src/server';
import { AS_ADMIN, TEST_ADMIN_TOKEN } from '../../../../services/api/test/helpers';
import { loginAs } from '../../../../services/api/test/login';
import type { ImportReport } from '../../src/import/importPlan';
import type { UploadLimits } from '../../src/upload/limits';

export interface SheetGevinst {
  api: RunningGevinst;
  /** the API's base URL (it serves the spreadsheet routes) */
  url: string;
  /** runs a command through the application layer as `user` */
  send(command: string, input: unknown, targetId?: string, user?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real Gevinst (SQLite in a temp folder) on a loopback port; requests act as the administrator unless a person is named. */
export async function startSheetGevinst(options: { demo: boolean; uploadLimits?: UploadLimits }): Promise<SheetGevinst> {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-sheet-'));
  const api = await startGevinst({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'g.sqlite'),
    demo: options.demo,
    logger: pino({ level: 'silent' }),
    auth: { adminToken: TEST_ADMIN_TOKEN },
    uploadLimits: options.uploadLimits,
  });
  const url = api.url;
  return {
    api,
    url,
    send: async (command, input, targetId, user = 'leder@kommune.no') => (await api.handle({ command, input, targetId, userId: user })).id,
    close: async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The body of a refusal from the API. */
export interface Refusal {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

/** What the import answers: its report, or with a 4xx status a refusal; each test reads the one the status says. */
export type ImportAnswer = ImportReport & Refusal;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads a plan as the administrator, or as the named person of the embedded login (logged in through the real flow). */
export async function importFile(g: SheetGevinst, projectId: string, bytes: Uint8Array, query = '', person?: string) {
  const as = person ? { cookie: await loginAs(g.url, person), origin: g.url } : AS_ADMIN;
  const res = await fetch(`${g.url}/api/projects/${projectId}/import${query}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, ...as },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as ImportAnswer };
}

export async function download(g: SheetGevinst, path: string) {
  const res = await fetch(g.url + path, { headers: AS_ADMIN });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
