import { v7 as uuidv7 } from 'uuid';

/**
 * The same generated events for every store: benefit measurements of a realistic size (~300 bytes),
 * each with the metadata a command writes (its own instant and correlation, one of 40 people in a role).
 */
export interface BenchEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { userId: string; userName: string; actingRole: string; recordedAt: string; correlationId: string; causationId: string; schemaVersion: number };
}

const roles = ['benefit-owner', 'project-leader', 'finance', 'administrator'];

export const generateEvents = (count: number): BenchEvent[] => {
  const start = Date.parse('2026-03-01T10:15:30.123Z');
  return Array.from({ length: count }, (_, i) => {
    const correlationId = uuidv7();
    const person = (i * 7) % 40;
    return {
      id: uuidv7(),
      type: 'MeasurementRecorded',
      data: {
        benefitId: `0193a1b2-c3d4-7e5f-8a9b-${String(i % 1000).padStart(12, '0')}`,
        value: 7.5 - (i % 50) / 10,
        measuredOn: '2026-02-27',
        period: '2026-T1',
        comment: `Timer per byggesak, måling ${i}`,
        evidenceUrl: null,
      },
      metadata: {
        userId: `person${person}@sandnes.kommune.no`,
        userName: `Person ${person} Nordmann`,
        actingRole: roles[person % roles.length] ?? 'benefit-owner',
        recordedAt: new Date(start + i * 1_237).toISOString(),
        correlationId,
        causationId: correlationId,
        schemaVersion: 1,
      },
    };
  });
};
