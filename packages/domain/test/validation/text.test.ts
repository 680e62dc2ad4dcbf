import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseEvent } from '../../src';
import { NameInputSchema, TextInputSchema } from '../../src/events/primitives';
import { hasInvalidCharacters, isOnlyInvisible } from '../../src/validation/text';

const messagesOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('names a person may send', () => {
  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['zero-width joiner and non-joiner, marks', '\u200c\u200d\u200e\u200f'],
    ['word joiner and BOM', '\u2060\ufeff'],
    ['soft hyphens between spaces', ' \u00ad \u00ad '],
    ['no-break and ideographic spaces around a zero-width space', '\u00a0\u200b\u3000'],
    ['a Hangul filler', '\u3164'],
  ])('refuses a name of only %s', (_what, name) => {
    expect(isOnlyInvisible(name)).toBe(true);
    expect(messagesOf(NameInputSchema, name)).toContain('Navnet kan ikke bare bestå av usynlige tegn');
  });

  it.each([
    ['NUL', 'A\u0000B'],
    ['a tab', 'A\tB'],
    ['a line break', 'A\nB'],
    ['DEL', 'A\u007fB'],
    ['a C1 control', 'A\u0085B'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate after text', 'Enhet \udc00'],
  ])('refuses a name with %s', (_what, name) => {
    expect(messagesOf(NameInputSchema, name)).toContain('Teksten inneholder ugyldige tegn');
  });

  it.each(['IKT', 'Helse- og omsorgsetaten', 'Sámi giella', 'Ærø Øst 😀', 'Bygg\u00adsak', 'A\u200bB'])('accepts %j', (name) => {
    expect(messagesOf(NameInputSchema, name)).toEqual([]);
  });

  it('an empty name says it must be filled in, once', () => {
    expect(messagesOf(NameInputSchema, '   ')).toEqual(['Må fylles ut']);
  });
});

describe('free text a person may send', () => {
  it('keeps tab and line breaks, refuses NUL, other controls and lone surrogates', () => {
    expect(messagesOf(TextInputSchema, 'Linje 1\r\nLinje 2\tmed tab')).toEqual([]);
    expect(messagesOf(TextInputSchema, 'før\u0000etter')).toEqual(['Teksten inneholder ugyldige tegn']);
    expect(messagesOf(TextInputSchema, 'bjelle\u0007')).toEqual(['Teksten inneholder ugyldige tegn']);
    expect(messagesOf(TextInputSchema, 'halv \ud83d')).toEqual(['Teksten inneholder ugyldige tegn']);
    expect(hasInvalidCharacters('hel 😀', { freeText: true })).toBe(false);
  });
});

describe('events stored before the rule', () => {
  it('still read: a UnitRegistered whose name is only zero-width spaces loads', () => {
    const stored = {
      type: 'UnitRegistered',
      data: { unitId: 'u1', name: '\u200b\u200b', parentId: null, orgNumber: null, leader: null },
      metadata: { schemaVersion: 1 },
    };
    const event = parseEvent(stored);
    expect(event.type).toBe('UnitRegistered');
    expect((event.data as { name: string }).name).toBe('\u200b\u200b');
  });
});
