import { z } from 'zod';

/** One side of a declared overlap: a benefit, its project and its share of the common gain. */
export const OverlapSideSchema = z.object({
  benefitId: z.string(),
  title: z.string(),
  projectId: z.string(),
  projectName: z.string().nullable(),
  /** its share of the common gain, in per cent */
  sharePercent: z.number(),
  cancelled: z.boolean(),
});
export type OverlapSide = z.infer<typeof OverlapSideSchema>;

/**
 * A gain two benefits of different projects claim, and how they share it (`BenefitOverlapDeclared`):
 * `benefit` is the one planned with the declaration, `other` the one it overlaps.
 */
export const DeclaredOverlapSchema = z.object({
  benefit: OverlapSideSchema,
  other: OverlapSideSchema,
  recipientUnitId: z.string(),
  recipientUnitName: z.string().nullable(),
  indicator: z.string(),
  unitOfMeasure: z.string(),
  /** the two shares together, at most 100 */
  totalPercent: z.number(),
  declaredAt: z.string(),
  declaredBy: z.string().nullable(),
});
export type DeclaredOverlap = z.infer<typeof DeclaredOverlapSchema>;

/** `GET /api/portfolio/overlaps`: every declared overlap on the reader's units, newest first. */
export const DeclaredOverlapsSchema = z.array(DeclaredOverlapSchema);
export type DeclaredOverlaps = z.infer<typeof DeclaredOverlapsSchema>;
