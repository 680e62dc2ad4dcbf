import type { z } from 'zod';

/** whitespace, zero-width and other format characters (U+200B–U+200F, U+2060, U+FEFF, soft hyphen, …) */
const INVISIBLE = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** with the u flag a surrogate matches only when it is not half of a pair */
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
/** control characters except tab and line breaks */
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]/u;

export const INVALID_CHARACTERS = 'Teksten inneholder ugyldige tegn';
export const ONLY_INVISIBLE = 'Navnet kan ikke bare bestå av usynlige tegn';

/** true when nothing is left after removing whitespace and characters that show nothing */
export const isOnlyInvisible = (s: string): boolean => s.replace(INVISIBLE, '') === '';

/** NUL and other control characters (in free text tab and line breaks are allowed), or half a surrogate pair */
export const hasInvalidCharacters = (s: string, { freeText = false } = {}): boolean =>
  LONE_SURROGATE.test(s) || (freeText ? CONTROL_IN_TEXT : CONTROL).test(s);

/**
 * A name someone can read: no control characters, no half surrogate pairs, not only invisible
 * characters. For what a person sends (command inputs); events already stored are read with the
 * looser event schemas, so an old event with such a name still loads.
 */
export const visibleName = <T extends z.ZodType<string>>(schema: T) =>
  schema
    .refine((s) => !hasInvalidCharacters(s), { error: INVALID_CHARACTERS })
    .refine((s) => s === '' || !isOnlyInvisible(s), { error: ONLY_INVISIBLE });

/** Free text (comments, reasons): tab and line breaks are fine, other control characters and half surrogate pairs are not. */
export const validText = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((s) => !hasInvalidCharacters(s, { freeText: true }), { error: INVALID_CHARACTERS });
