import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, UnitSummary, WriteResult } from '@gevinst/domain/answers';
import { startTestGevinst, type TestGevinst } from './helpers';

describe('X-Gevinst-Position: read your writes on any instance', () => {
  let g: TestGevinst;
  beforeAll(async () => {
    g = await startTestGevinst({ catchUpWaitMs: 300 });
  });
  afterAll(() => g.destroy());

  it('a command answers the position of its last event in a header, and a read sent with it sees the write', async () => {
    const written = await g.post<WriteResult>('/api/units', { name: 'Helse' });
    expect(written.status).toBe(201);
    expect(written.headers.get('x-gevinst-position')).toBe(written.body.position);
    const read = await g.get<UnitSummary[]>('/api/units', { 'x-gevinst-position': written.body.position ?? '' });
    expect(read.status).toBe(200);
    expect(read.body.map((u) => u.name)).toContain('Helse');
  });

  it('a position that is no whole number is refused with the header named; one the store does not hold yet is 503 after the wait', async () => {
    const bad = await g.get<ErrorResponse>('/api/units', { 'x-gevinst-position': '-1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'X-Gevinst-Position' })]);
    const ahead = await g.get<ErrorResponse>('/api/units', { 'x-gevinst-position': '123456789' });
    expect(ahead.status).toBe(503);
    expect(ahead.headers.get('retry-after')).toBe('1');
    expect(ahead.body.error.code).toBe('behind');
  });
});
