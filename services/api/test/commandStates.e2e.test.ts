import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, WriteResult } from '@gevinst/domain/answers';
import { schemaVersionOf } from '@gevinst/domain/events';
import { startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
let kommune: string;
beforeAll(async () => {
  g = await startTestGevinst();
  kommune = await g.created('/api/units', { name: 'Testvik kommune' });
});
afterAll(async () => {
  await g.destroy();
});

const newProject = (name: string) => g.created('/api/projects', { name, ownerUnitId: kommune, projectLeader: 'pl@testvik.no' });
const cost = (project: string, amountOre: number, headers: Record<string, string> = {}) =>
  g.post<WriteResult | ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: kommune, amountOre, period: '2026-T1', kind: 'one-off' }, headers);

describe('commands go on from the kept state of their stream', () => {
  it('a write made past the application (another process on the same file) is seen by the next command', async () => {
    const project = await newProject('Utenfra');
    expect((await cost(project, 100_00)).status).toBe(201);
    // kept as the command read it: the revision before its own write
    expect(g.application.streamStates.get(`project-${project}`)?.revision).toBe(0n);
    await g.store.appendToStream(
      `project-${project}`,
      [{ type: 'ProjectClosed', data: { projectId: project, reason: 'Avsluttet av en annen prosess' }, metadata: { schemaVersion: schemaVersionOf('ProjectClosed') } }],
      { expectedRevision: 1n },
    );
    const refused = await cost(project, 200_00);
    expect(refused.status).toBe(422);
    if (!('error' in refused.body)) throw new Error('a closed project takes no cost');
    expect(refused.body.error.code).toBe('project_closed');
    // If-Match compares with the revision the store has, not the kept one
    const stale = await g.post<ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: kommune, amountOre: 1, period: '2026-T1', kind: 'one-off' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'precondition_failed', currentRevision: '2' });
  });

  it('two commands deciding on the same kept revision: one is written, the other gets 409 and nothing is lost', async () => {
    const project = await newProject('Samtidig');
    expect((await cost(project, 100_00)).status).toBe(201);
    const stream = `project-${project}`;
    expect(g.application.streamStates.get(stream)?.revision).toBe(0n);
    const store = g.store;
    const original = store.readStream.bind(store);
    let waiting: (() => void)[] = [];
    // both commands read (only the events after the kept revision) before either appends
    store.readStream = async (streamName, options) => {
      const result = await original(streamName, options);
      if (streamName === stream && options?.fromRevision !== undefined) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 2) for (const w of waiting) w();
        });
      }
      return result;
    };
    let answers: Awaited<ReturnType<typeof cost>>[];
    try {
      answers = await Promise.all([cost(project, 200_00), cost(project, 300_00)]);
    } finally {
      store.readStream = original;
      waiting = [];
    }
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const winner = answers.find((a) => a.status === 201)?.body;
    if (!winner || !('revision' in winner)) throw new Error('one command is written');
    expect(winner.revision).toBe('2');
    const events = await g.store.readStream(stream);
    expect(events.map((e) => e.type)).toEqual(['ProjectRegistered', 'CostRecorded', 'CostRecorded']);

    // the loser's retry decides on the winner's write and is written after it
    const retry = await cost(project, 300_00);
    expect(retry.status).toBe(201);
    expect((retry.body as WriteResult).revision).toBe('3');
    const amounts = (await g.store.readStream(stream)).flatMap((e) => (e.type === 'CostRecorded' ? [e.data.amountOre] : []));
    expect(amounts.slice(1).sort()).toEqual([200_00, 300_00]);
  });

  it('a 409 drops the kept state of the stream', async () => {
    const project = await newProject('Glemt');
    const stream = `project-${project}`;
    expect((await cost(project, 100_00)).status).toBe(201);
    const store = g.store;
    const original = store.appendToStream.bind(store);
    // another writer gets in between this command's read and its append
    store.appendToStream = async (streamName, events, options) => {
      if (streamName === stream) {
        store.appendToStream = original;
        await original(stream, [{ type: 'ProjectClosed', data: { projectId: project, reason: 'Først' }, metadata: { schemaVersion: 1 } }], { expectedRevision: 1n });
      }
      return original(streamName, events, options);
    };
    try {
      expect((await cost(project, 200_00)).status).toBe(409);
    } finally {
      store.appendToStream = original;
    }
    expect(g.application.streamStates.get(stream)).toBeUndefined();
  });
});
