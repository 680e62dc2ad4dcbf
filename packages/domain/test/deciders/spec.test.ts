import { describe, expect, it } from 'vitest';
import { projectDecider } from '../../src';
import { specFor } from './spec';

// The specification helper must be able to fail, or the specifications prove nothing.
describe('specFor', () => {
  const { given } = specFor(projectDecider);
  const close = { type: 'CloseProject' as const, data: { projectId: 'p1', reason: 'x' }, context: { now: '2026-01-01T00:00:00Z' } };

  it('fails when the expected error code or field differs, or nothing is thrown', () => {
    expect(() => given([]).when(close).thenThrows('project_closed', 'projectId')).toThrow();
    expect(() => given([]).when(close).thenThrows('project_not_found', 'reason')).toThrow();
    expect(() => given([]).when(close).thenThrows('project_not_found', 'projectId')).not.toThrow();
    const registered = {
      type: 'ProjectRegistered' as const,
      data: { projectId: 'p1', name: 'X', ownerUnitId: 'u', projectLeader: 'a@b.no', thresholds: { greenPct: 100, yellowPct: 80 } },
    };
    expect(() => given([registered]).when(close).thenThrows('project_closed')).toThrow();
    expect(() => given([registered]).when(close).then([])).toThrow();
  });
});
