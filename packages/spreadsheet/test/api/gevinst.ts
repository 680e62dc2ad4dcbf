import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startGevinst, type RunningGevinst } from '../../../../services/api/src/server';
import { spreadsheetRoutes } from '../../../../services/api/src/spreadsheet-routes';
import { PastReports } from '../../../../services/api/src/http/asOf';
import type { UploadLimits } from '../../src/upload/limits';

export interface SheetGevinst {
  api: RunningGevinst;
  /** base URL of the spreadsheet routes (on their own server until the API mounts them) */
  url: string;
  /** runs a command through the application layer as `user` */
  send(command: string, input: unknown, targetId?: string, user?: string): Promise<string>;
  close(): Promise<void>;
}

/** A real Gevinst (SQLite in a temp folder) with the spreadsheet routes served on a loopback port. */
export async function startSheetGevinst(options: { demo: boolean; uploadLimits?: UploadLimits }): Promise<SheetGevinst> {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-sheet-'));
  const api = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'g.sqlite'), demo: options.demo, logger: pino({ level: 'silent' }), uploadLimits: options.uploadLimits });
  const app = express();
  const sheets = spreadsheetRoutes({ application: api.application, readModels: api.readModels, pastReports: new PastReports(api.store), uploadLimits: options.uploadLimits });
  app.use(sheets);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    url,
    send: async (command, input, targetId, user = 'leder@kommune.no') => (await api.handle({ command, input, targetId, userId: user })).id,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sheets.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importFile(g: SheetGevinst, projectId: string, bytes: Uint8Array, query = '', user = 'leder@kommune.no') {
  const res = await fetch(`${g.url}/api/projects/${projectId}/import${query}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, 'x-user-id': user },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function download(g: SheetGevinst, path: string) {
  const res = await fetch(g.url + path);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
