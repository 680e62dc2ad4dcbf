import { describe, expect, it } from 'vitest';
import { kronerToOre, readNumber } from '../../src/read/numbers';

const value = (text: string) => {
  const r = readNumber(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (text: string) => {
  const r = readNumber(text);
  if (r.ok) throw new Error(`read ${text} as ${r.value}`);
  return r.reason;
};

describe('readNumber', () => {
  it('accepts a decimal comma and a decimal point alike', () => {
    expect(value('1,5')).toBe(1.5);
    expect(value('1.5')).toBe(1.5);
    expect(value('0,125')).toBe(0.125);
    expect(value('12,50')).toBe(12.5);
  });
  it('reads thousands grouped by spaces, no-break spaces, or both separators', () => {
    expect(value('1 234,5')).toBe(1234.5);
    expect(value('1\u00a0234\u00a0567')).toBe(1234567);
    expect(value('1.234,56')).toBe(1234.56);
    expect(value('1,234.56')).toBe(1234.56);
    expect(value('1.234.567')).toBe(1234567);
  });
  it('reads signs, including the minus sign U+2212', () => {
    expect(value('-3')).toBe(-3);
    expect(value('\u22122,5')).toBe(-2.5);
  });
  it('refuses a lone separator before three digits as ambiguous, naming both readings', () => {
    expect(reason('1.234')).toMatch(/tvetydig.*1234.*1,234/);
    expect(reason('12,500')).toMatch(/tvetydig/);
  });
  it('refuses what is not a number', () => {
    expect(reason('abc')).toMatch(/ikke et tall/);
    expect(reason('1,2,3')).toMatch(/ikke et gyldig tall/);
    expect(reason('12 34')).toMatch(/ikke et gyldig tall/);
    expect(reason('1.234,5,6')).toMatch(/ikke et gyldig tall/);
  });
});

describe('kronerToOre', () => {
  it('converts kroner with up to two decimals to whole øre', () => {
    expect(kronerToOre(650.5)).toBe(65050);
    expect(kronerToOre(0.29)).toBe(29);
    expect(kronerToOre(123.45)).toBe(12345);
  });
  it('refuses fractions of an øre', () => {
    expect(kronerToOre(1.234)).toBeNull();
  });
});
