import { describe, expect, it } from 'vitest';
import { dateFromSerial, readDate } from '../../src/read/dates';

describe('dates', () => {
  it('reads Excel serials in the 1900 and 1904 systems', () => {
    expect(dateFromSerial(46023)).toEqual({ ok: true, value: '2026-01-01' });
    expect(dateFromSerial(46023.75)).toEqual({ ok: true, value: '2026-01-01' });
    expect(dateFromSerial(44561, true)).toEqual({ ok: true, value: '2026-01-01' });
  });
  it('reads dd.mm.yyyy, d.m.yyyy and ISO dates, and serials written as text', () => {
    expect(readDate('31.12.2026')).toEqual({ ok: true, value: '2026-12-31' });
    expect(readDate('1.2.2026')).toEqual({ ok: true, value: '2026-02-01' });
    expect(readDate('2026-03-15')).toEqual({ ok: true, value: '2026-03-15' });
    expect(readDate('46023')).toEqual({ ok: true, value: '2026-01-01' });
  });
  it('refuses dates that do not exist and two-digit years, saying why', () => {
    expect(readDate('31.02.2026')).toMatchObject({ ok: false, reason: expect.stringMatching(/ikke finnes/) });
    expect(readDate('01.02.26')).toMatchObject({ ok: false, reason: expect.stringMatching(/tosifret/) });
    expect(readDate('neste år')).toMatchObject({ ok: false, reason: expect.stringMatching(/dd\.mm\.åååå/) });
  });
});
