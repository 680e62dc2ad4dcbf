import { z } from 'zod';
import { tryParsePeriod } from '../periods/parse';
import { isValidOrgNumber } from '../validation/orgNumber';
import { validText, visibleName } from '../validation/text';

/** Ids are UUID v7 strings made by the API; the domain only asks for a non-empty string. */
export const IdSchema = z.string().trim().min(1, { error: 'Id mangler' }).max(200);

export const NameSchema = z.string().trim().min(1, { error: 'Må fylles ut' }).max(300);

export const TextSchema = z.string().max(5000);

/**
 * Names and text as a person may send them (command inputs): `NameSchema`/`TextSchema` plus no
 * control characters, no half surrogate pairs, and a name not only of invisible characters. Stored
 * events are read with the looser schemas above, so an event written before this rule still loads.
 */
export const NameInputSchema = visibleName(NameSchema);
export const TextInputSchema = validText(TextSchema);

export const EmailSchema = z.email({ error: 'Ugyldig e-postadresse' });

/** Integer øre; money is never a float. */
export const OreSchema = z.int({ error: 'Beløp må være et helt antall øre' });
export const NonNegativeOreSchema = OreSchema.min(0, { error: 'Beløpet kan ikke være negativt' });
export const PositiveOreSchema = OreSchema.min(1, { error: 'Beløpet må være større enn null' });

/** A finite number (z.number() already refuses NaN and ±Infinity). */
export const QuantitySchema = z.number({ error: 'Må være et endelig tall' });

/** `yyyy-mm-dd`, a real calendar date. */
export const IsoDateSchema = z.iso.date({ error: 'Ugyldig dato (forventet åååå-mm-dd)' });

/** `2026-T2` (tertial), `2026` (budget year) or `2026-03` (month), as its code string. */
export const PeriodSchema = z.string().refine((code) => tryParsePeriod(code) !== null, {
  error: 'Ugyldig periode: bruk budsjettår (2026), tertial (2026-T1 til 2026-T3) eller måned (2026-01 til 2026-12)',
});

export const OrgNumberSchema = z
  .string()
  .refine(isValidOrgNumber, { error: 'Organisasjonsnummer må ha 9 siffer med gyldig kontrollsiffer (MOD11)' });

export const UrlSchema = z.url({ error: 'Ugyldig lenke' });

/** Optional text fields are null when absent: `string | null` in the stored event. */
export const nullableDefault = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
