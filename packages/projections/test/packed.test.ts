import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { pack, unpack, type Packed } from '../src/runner/packed';

const roundTrip = (value: unknown) => unpack(deserialize(serialize(pack(value))) as Packed);

describe('a packed snapshot state', () => {
  it('comes back equal: maps in their order, nested objects and arrays, every kind of number and string', () => {
    const state = {
      units: new Map<string, unknown>([
        ['b', { unitId: 'b', name: 'Bø – «skole» 🏫', parentId: null, moves: [], flag: true }],
        ['a', { unitId: 'a', name: '', parentId: 'b', moves: [{ effectiveDate: '2026-01-01', annulled: false, source: { revision: '12', userId: null } }], flag: false }],
      ]),
      numbers: [0, -0, 1.5, -3, 2 ** 32, 2 ** 32 - 1, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, 123_456_789_012],
      empty: {},
      nothing: undefined,
      ['__proto__']: { sneaky: 1 },
      byNumber: new Map([[1, 'x']]),
    };
    Object.defineProperty(state, '__proto__', { value: { sneaky: 1 }, enumerable: true });
    const back = roundTrip(state) as typeof state;
    expect(back).toEqual(state);
    expect([...back.units.keys()]).toEqual(['b', 'a']);
    expect(Object.is(back.numbers[1], -0)).toBe(true);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ sneaky: 1 });
  });

  it('refuses what it cannot restore (class instances, dates, cycles)', () => {
    expect(() => pack({ at: new Date() })).toThrow(/cannot pack/);
    expect(() => pack(new Set([1]))).toThrow(/cannot pack/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => pack(cycle)).toThrow(/too deep/);
  });

  it('a damaged state is refused, not restored half', () => {
    const packed = pack({ a: [1, 2, 'x'] });
    expect(() => unpack({ ...packed, codes: packed.codes.slice(0, -1) })).toThrow();
    expect(() => unpack({ ...packed, codes: Uint32Array.from([...packed.codes, 0]) })).toThrow(/left over/);
    expect(() => unpack({ ...packed, shapes: [] })).toThrow(/unknown shape/);
    expect(() => unpack({ facts: {} } as unknown as Packed)).toThrow(/not a packed state/);
  });
});
