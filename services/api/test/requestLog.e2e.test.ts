import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLogLevelOf } from '../src/http/requestLog';
import { AS_ADMIN, startTestGevinst } from './helpers';

const logged = () => {
  const lines: { level: number; msg?: string; req?: { url?: string } }[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
};
const requestLines = (lines: { req?: { url?: string } }[]) => lines.filter((l) => l.req?.url === '/api/units');

describe('request lines', () => {
  it('are below info by default: the default log level writes none', async () => {
    const { lines, logger } = logged();
    const g = await startTestGevinst({ logger });
    try {
      expect((await fetch(`${g.url}/api/units`, { headers: AS_ADMIN })).status).toBe(200);
      expect(requestLines(lines)).toEqual([]);
    } finally {
      await g.destroy();
    }
  });

  it('are written at the level asked for (GEVINST_REQUEST_LOG_LEVEL=info)', async () => {
    const { lines, logger } = logged();
    const g = await startTestGevinst({ logger, requestLogLevel: requestLogLevelOf('info') });
    try {
      expect((await fetch(`${g.url}/api/units`, { headers: AS_ADMIN })).status).toBe(200);
      expect(requestLines(lines)).toEqual([expect.objectContaining({ level: 30, msg: 'request completed' })]);
    } finally {
      await g.destroy();
    }
  });

  it('GEVINST_REQUEST_LOG_LEVEL: debug when unset, a named level, or refused', () => {
    expect(requestLogLevelOf(undefined)).toBe('debug');
    expect(requestLogLevelOf('warn')).toBe('warn');
    expect(() => requestLogLevelOf('verbose')).toThrow(/GEVINST_REQUEST_LOG_LEVEL/);
  });
});
