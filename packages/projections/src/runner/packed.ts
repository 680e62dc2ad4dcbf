/**
 * A compact form of a read model's state for its snapshot: the values as one Float64Array, each
 * distinct string once, each object's keys once per shape. v8's serializer writes every object's
 * keys and every string again, and reading a large model back from it cost as much as folding its
 * events; this form is read back several times faster and is a fraction of the size.
 * It takes plain objects, arrays, Maps, strings, numbers, booleans, null and undefined (no cycles);
 * an object met twice is restored as two equal objects, so it suits state that is replaced, not
 * changed in place, where it is shared (the ledger's facts).
 */
export interface Packed {
  /** tags, lengths, shape and string indices, and the numbers that are 32-bit unsigned integers */
  codes: Uint32Array;
  /** the other numbers */
  numbers: Float64Array;
  /** the distinct strings, joined; `stringLengths` cuts them apart */
  strings: string;
  stringLengths: Uint32Array;
  /** each shape's keys, joined by \u0000 */
  shapes: string[];
}

const NULL = 0;
const UNDEFINED = 1;
const FALSE = 2;
const TRUE = 3;
const NUMBER = 4;
const UINT = 5;
const STRING = 6;
const ARRAY = 7;
const OBJECT = 8;
const MAP = 9;

/** a typed array that grows as it is written */
const growing = <A extends Uint32Array | Float64Array>(make: (length: number) => A) => {
  let array = make(1 << 16);
  let length = 0;
  return {
    push(a: number, b?: number) {
      if (length + 2 > array.length) {
        const bigger = make(array.length * 2);
        bigger.set(array);
        array = bigger;
      }
      array[length++] = a;
      if (b !== undefined) array[length++] = b;
    },
    done: (): A => array.slice(0, length) as A,
  };
};

export const pack = (root: unknown): Packed => {
  const codes = growing((n) => new Uint32Array(n));
  const numbers = growing((n) => new Float64Array(n));
  const strings = new Map<string, number>();
  const shapes: string[][] = [];
  // shapes by their first key, compared key by key (joining every object's keys to look it up cost more than all the rest)
  const shapesByFirstKey = new Map<string, number[]>();
  const shapeOf = (keys: string[]): number => {
    const first = keys[0] ?? '';
    let candidates = shapesByFirstKey.get(first);
    if (!candidates) shapesByFirstKey.set(first, (candidates = []));
    for (const id of candidates) {
      const known = shapes[id] as string[];
      if (known.length === keys.length && known.every((key, k) => key === keys[k])) return id;
    }
    candidates.push(shapes.length);
    shapes.push(keys);
    return shapes.length - 1;
  };
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64) throw new Error('pack: nested too deep (a cycle?)');
    if (v === null) codes.push(NULL);
    else if (v === undefined) codes.push(UNDEFINED);
    else if (v === false) codes.push(FALSE);
    else if (v === true) codes.push(TRUE);
    else if (typeof v === 'number') {
      if (v >>> 0 === v && !Object.is(v, -0)) codes.push(UINT, v);
      else {
        codes.push(NUMBER);
        numbers.push(v);
      }
    } else if (typeof v === 'string') {
      let i = strings.get(v);
      if (i === undefined) strings.set(v, (i = strings.size));
      codes.push(STRING, i);
    } else if (Array.isArray(v)) {
      codes.push(ARRAY, v.length);
      for (const item of v) walk(item, depth + 1);
    } else if (v instanceof Map) {
      codes.push(MAP, v.size);
      for (const [key, value] of v) {
        walk(key, depth + 1);
        walk(value, depth + 1);
      }
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      codes.push(OBJECT, shapeOf(keys));
      for (const key of keys) walk((v as Record<string, unknown>)[key], depth + 1);
    } else throw new Error(`pack: cannot pack ${Object.prototype.toString.call(v)}`);
  };
  walk(root, 0);
  const all = [...strings.keys()];
  return { codes: codes.done(), numbers: numbers.done(), strings: all.join(''), stringLengths: Uint32Array.from(all, (s) => s.length), shapes: shapes.map((keys) => keys.join('\u0000')) };
};

export const unpack = (packed: Packed): unknown => {
  const { codes, numbers, stringLengths } = packed;
  if (!(codes instanceof Uint32Array) || !(numbers instanceof Float64Array) || !(stringLengths instanceof Uint32Array) || typeof packed.strings !== 'string' || !Array.isArray(packed.shapes))
    throw new Error('unpack: not a packed state');
  const strings: string[] = new Array<string>(stringLengths.length);
  for (let i = 0, at = 0; i < stringLengths.length; i++) strings[i] = packed.strings.slice(at, (at += (stringLengths[i] as number)));
  let i = 0;
  let n = 0;
  const read = (): unknown => {
    switch (codes[i++]) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return numbers[n++];
      case UINT:
        return codes[i++];
      case STRING:
        return strings[(codes[i++] as number)];
      case ARRAY: {
        const length = (codes[i++] as number);
        const a: unknown[] = [];
        for (let k = 0; k < length; k++) a.push(read());
        return a;
      }
      case MAP: {
        const size = (codes[i++] as number);
        const m = new Map<unknown, unknown>();
        for (let k = 0; k < size; k++) {
          const key = read();
          m.set(key, read());
        }
        return m;
      }
      case OBJECT: {
        const make = makers[(codes[i++] as number)];
        if (!make) throw new Error('unpack: an unknown shape');
        return make();
      }
      default:
        throw new Error(`unpack: an unknown tag at ${i - 1}`);
    }
  };
  // an object literal per shape, its values read in the keys' order: every object of a shape gets one hidden class at once
  const makers = packed.shapes.map(
    (shape) =>
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the keys are quoted with JSON.stringify (computed, so `__proto__` is a key like any other)
      (new Function('read', `return () => ({ ${(shape === '' ? [] : shape.split('\u0000')).map((key) => `[${JSON.stringify(key)}]: read()`).join(', ')} });`) as (r: () => unknown) => () => unknown)(read),
  );
  const root = read();
  if (i !== codes.length || n !== numbers.length) throw new Error('unpack: values left over');
  return root;
};
