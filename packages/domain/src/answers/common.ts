import { z } from 'zod';

/** `201` of every command: the stream's id and new revision (the ETag). */
export const WriteResultSchema = z.object({ id: z.string(), revision: z.string(), position: z.string().nullable() });
export type WriteResult = z.infer<typeof WriteResultSchema>;

export const AnswerFieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type AnswerFieldError = z.infer<typeof AnswerFieldErrorSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(AnswerFieldErrorSchema),
    currentRevision: z.string().nullable().optional(),
    /** 409 `benefit_overlaps`: the benefits of other projects whose gain the new benefit would claim too */
    overlaps: z
      .array(z.object({ benefitId: z.string(), title: z.string(), projectId: z.string(), projectName: z.string().nullable() }))
      .optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/**
 * `catching up` (HTTP 503) from start until the read models hold every event and the start-up work is done
 * (and while a rebuild runs); `head` is the store's last position and `percent` how far the catch-up got.
 */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'catching up']),
  position: z.string().nullable(),
  eventsApplied: z.int(),
  head: z.string().nullable().optional(),
  percent: z.number().nullable().optional(),
});
export type Health = z.infer<typeof HealthSchema>;

export const RebuiltSchema = z.object({ position: z.string().nullable(), eventsApplied: z.int(), ms: z.int() });
export type Rebuilt = z.infer<typeof RebuiltSchema>;
