import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

describe('names that cannot be read are refused', () => {
  it.each([
    ['only zero-width spaces', '\u200b\u200b', 'Navnet kan ikke bare bestå av usynlige tegn'],
    ['a NUL', 'A\u0000B', 'Teksten inneholder ugyldige tegn'],
    ['a lone surrogate', '\ud800', 'Teksten inneholder ugyldige tegn'],
  ])('a unit named with %s answers 400 naming the field, and nothing is written', async (_what, name, message) => {
    const before = await countEvents(g);
    // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse on the server turns back into one
    const res = await g.post<ErrorResponse>('/api/units', { name });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({ path: 'name', message });
    expect(await countEvents(g)).toBe(before);
  });

  it('free text keeps its line breaks but not control characters', async () => {
    const unit = await g.created('/api/units', { name: 'IKT' });
    const project = await g.created('/api/projects', { name: 'Nytt arkiv', ownerUnitId: unit, projectLeader: 'pl@kommune.no' });
    const refused = await g.post<ErrorResponse>(`/api/projects/${project}/close`, { reason: 'ferdig\u0007' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toContainEqual({ path: 'reason', message: 'Teksten inneholder ugyldige tegn' });
    expect((await g.post(`/api/projects/${project}/close`, { reason: 'Ferdig.\nLevert i tide.' })).status).toBe(201);
  });
});
