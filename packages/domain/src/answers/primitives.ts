import { z } from 'zod';

/** The building blocks of the HTTP answers. Answers are written by the server, so no refinements: these describe, not validate input. */
export const AnswerOreSchema = z.int().describe('øre');
export const AnswerPeriodSchema = z.string().describe('2026-T2, 2026 eller 2026-03');

/** A judged period's colour on the scorecard. */
export const StatusSchema = z.enum(['green', 'yellow', 'red']);
export type Status = z.infer<typeof StatusSchema>;

export const TrendSchema = z.enum(['up', 'down', 'flat']);
export type Trend = z.infer<typeof TrendSchema>;

export const PENDING_DESCRIPTION =
  'ikke forfalt: perioden er ikke over, eller fristen (14 dager etter periodens slutt) er ikke passert, og ingenting er realisert — ingen status';
