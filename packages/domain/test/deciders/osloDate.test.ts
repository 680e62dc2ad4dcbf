import { describe, expect, it } from 'vitest';
import { osloDate } from '../../src/deciders';
import { InvalidPeriodError } from '../../src/periods';

describe("osloDate: today's date in Oslo", () => {
  it('turns at Oslo midnight, in summer and in winter time, whichever instant of the minute came first', () => {
    expect(osloDate('2026-06-30T21:59:59.999Z')).toBe('2026-06-30');
    expect(osloDate('2026-06-30T22:00:00.000Z')).toBe('2026-07-01');
    expect(osloDate('2026-06-30T21:59:00.000Z')).toBe('2026-06-30');
    expect(osloDate('2026-12-31T22:59:59.999Z')).toBe('2026-12-31');
    expect(osloDate('2026-12-31T23:00:30.000Z')).toBe('2027-01-01');
    expect(osloDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('refuses an unreadable instant even in a minute it has already answered for', () => {
    expect(osloDate('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    expect(() => osloDate('2026-06-30T22:00:99Z')).toThrow(InvalidPeriodError);
  });
});
