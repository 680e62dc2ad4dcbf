import { z } from 'zod';
import { IdSchema, NameSchema, nullableDefault, TextSchema } from './primitives';

/**
 * The gevinstkart (DFØ's benefits map) of one project, on the stream `benefitmap-<projectId>`:
 * deliveries (leveranse/tiltak) → changes (endring) → benefits and disbenefits (gevinst/ulempe) →
 * goals (mål), joined by directed edges that each state the assumption they rest on.
 */
export const MapNodeKindSchema = z.enum(['delivery', 'change', 'benefit', 'disbenefit', 'goal']);
export type MapNodeKind = z.infer<typeof MapNodeKindSchema>;

const nodeRefs = {
  /** a benefit or disbenefit node: the project's planned benefit it stands for (null: one not planned yet) */
  benefitId: nullableDefault(IdSchema),
  /** a goal node: the kommune's goal (stream `goal-<goalId>`) it stands for, if one is registered */
  goalId: nullableDefault(IdSchema),
};

export const MapNodeAddedSchema = z.object({
  projectId: IdSchema,
  nodeId: IdSchema,
  kind: MapNodeKindSchema,
  label: NameSchema,
  ...nodeRefs,
});

/** The node's label or reference changed; its kind never does (its edges depend on it). */
export const MapNodeChangedSchema = z.object({
  projectId: IdSchema,
  nodeId: IdSchema,
  label: NameSchema,
  ...nodeRefs,
});

/** The node is gone from the map; its edges were removed before it, each by a `MapEdgeRemoved`. */
export const MapNodeRemovedSchema = z.object({ projectId: IdSchema, nodeId: IdSchema });

const AssumptionSchema = TextSchema.trim().min(1, { error: 'Forutsetningen må fylles ut' });

/** `from` leads to `to` under the stated assumption (forutsetning). */
export const MapEdgeAddedSchema = z.object({
  projectId: IdSchema,
  edgeId: IdSchema,
  from: IdSchema,
  to: IdSchema,
  assumption: AssumptionSchema,
});

export const MapEdgeRemovedSchema = z.object({ projectId: IdSchema, edgeId: IdSchema });

export const benefitMapEventSchemas = {
  MapNodeAdded: MapNodeAddedSchema,
  MapNodeChanged: MapNodeChangedSchema,
  MapNodeRemoved: MapNodeRemovedSchema,
  MapEdgeAdded: MapEdgeAddedSchema,
  MapEdgeRemoved: MapEdgeRemovedSchema,
} as const;
