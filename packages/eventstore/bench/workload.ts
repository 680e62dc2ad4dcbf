import { v7 as uuidv7 } from 'uuid';

/** The same generated events for every store: benefit measurements of a realistic size (~300 bytes). */
export interface BenchEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { userId: string; recordedAt: string; correlationId: string; causationId: string; schemaVersion: number };
}

export const generateEvents = (count: number): BenchEvent[] => {
  const recordedAt = '2026-03-01T10:15:30.123Z';
  return Array.from({ length: count }, (_, i) => {
    const correlationId = uuidv7();
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
      metadata: { userId: 'kari.nordmann@sandnes.kommune.no', recordedAt, correlationId, causationId: correlationId, schemaVersion: 1 },
    };
  });
};
