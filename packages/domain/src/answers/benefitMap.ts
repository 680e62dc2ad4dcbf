import { z } from 'zod';
import { MapNodeKindSchema } from '../events/benefitMap';
import { AnswerOreSchema as ore, AnswerPeriodSchema as period, StatusSchema } from './primitives';

/** What a benefit node shows of its benefit, live from the portfolio: its status now and what is realised. */
export const MapBenefitFactsSchema = z.object({
  title: z.string(),
  cancelled: z.boolean(),
  status: StatusSchema.nullable().describe('the status of the latest judged period (the benefit\'s status now); null when none is judged'),
  statusPeriod: period.nullable(),
  plannedOre: ore.describe('planned over the periods judged so far (negative for a disbenefit)'),
  realisedOre: ore.describe('realised over the same periods'),
  realisedQuantity: z.number().describe('realised in the benefit\'s unit of measure, all periods'),
  unitOfMeasure: z.string(),
  achievementPct: z.number().nullable(),
});
export type MapBenefitFacts = z.infer<typeof MapBenefitFactsSchema>;

export const MapNodeViewSchema = z.object({
  nodeId: z.string(),
  kind: MapNodeKindSchema,
  label: z.string(),
  benefitId: z.string().nullable(),
  goalId: z.string().nullable(),
  /** null unless the node stands for one of the project's benefits */
  benefit: MapBenefitFactsSchema.nullable(),
});
export type MapNodeView = z.infer<typeof MapNodeViewSchema>;

export const MapEdgeViewSchema = z.object({ edgeId: z.string(), from: z.string(), to: z.string(), assumption: z.string() });
export type MapEdgeView = z.infer<typeof MapEdgeViewSchema>;

/** `GET /api/projects/:id/benefit-map`: the project's gevinstkart, with what it lacks. */
export const BenefitMapViewSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  /** the map stream's revision (send as If-Match); null before the first node */
  revision: z.string().nullable(),
  /** whether the reader may edit the map (project leader, management of the owner unit, administrator) and the project is open */
  editable: z.boolean(),
  nodes: z.array(MapNodeViewSchema),
  edges: z.array(MapEdgeViewSchema),
  flags: z.object({
    benefitsWithoutGoal: z.array(z.string()).describe('benefit nodes with no path to a goal'),
    changesWithoutBenefit: z.array(z.string()).describe('change nodes with no path to a benefit'),
  }),
  /** which kinds each kind of node may lead to (the decider's rule, for the editor's choices) */
  directions: z.record(MapNodeKindSchema, z.array(MapNodeKindSchema)),
  /** the project's benefits not on the map yet (to add as nodes) */
  unmappedBenefits: z.array(z.object({ benefitId: z.string(), title: z.string(), disbenefit: z.boolean() })),
});
export type BenefitMapView = z.infer<typeof BenefitMapViewSchema>;
