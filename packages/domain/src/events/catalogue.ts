import type { z } from 'zod';
import { accessEventSchemas } from './access';
import { benefitEventSchemas } from './benefits';
import { benefitMapEventSchemas } from './benefitMap';
import { projectEventSchemas } from './projects';
import { reminderEventSchemas } from './reminders';
import { settlementEventSchemas } from './settlements';
import { unitEventSchemas } from './units';
import { goalEventSchemas } from './goals';
import { costBenefitEventSchemas } from './costBenefit';

import { calendarEventSchemas } from './calendar';

export const streamCategories = ['unit', 'project', 'benefit', 'settlement', 'reminder', 'access', 'benefitmap', 'goal', 'costbenefit', 'calendar'] as const;
export type StreamCategory = (typeof streamCategories)[number];

const schemasByCategory = {
  unit: unitEventSchemas,
  project: projectEventSchemas,
  benefit: benefitEventSchemas,
  settlement: settlementEventSchemas,
  reminder: reminderEventSchemas,
  access: accessEventSchemas,
  benefitmap: benefitMapEventSchemas,
  goal: goalEventSchemas,
  costbenefit: costBenefitEventSchemas,
  calendar: calendarEventSchemas,
} as const;

type Schemas = typeof unitEventSchemas &
  typeof projectEventSchemas &
  typeof benefitEventSchemas &
  typeof settlementEventSchemas &
  typeof reminderEventSchemas &
  typeof accessEventSchemas &
  typeof benefitMapEventSchemas &
  typeof goalEventSchemas &
  typeof costBenefitEventSchemas &
  typeof calendarEventSchemas;

export type EventType = keyof Schemas;
/** The data of an event as stored and read (after defaults and upcasting). */
export type EventDataOf<T extends EventType> = z.output<Schemas[T]>;
/** What a writer may hand to `validateEvent` (optional fields may be left out). */
export type EventInputOf<T extends EventType> = z.input<Schemas[T]>;
export type EventOf<T extends EventType> = { type: T; data: EventDataOf<T> };

/** Every event of the catalogue, discriminated by `type`. */
export type GevinstEvent = AnyEventOf<EventType>;
/** The union of the events of the given types, discriminated by `type`. */
export type AnyEventOf<K extends EventType> = { [T in K]: EventOf<T> }[K];
export type UnitEvent = AnyEventOf<keyof typeof unitEventSchemas>;
export type ProjectEvent = AnyEventOf<keyof typeof projectEventSchemas>;
export type BenefitEvent = AnyEventOf<keyof typeof benefitEventSchemas>;
export type SettlementEvent = AnyEventOf<keyof typeof settlementEventSchemas>;
export type ReminderEvent = AnyEventOf<keyof typeof reminderEventSchemas>;
export type AccessEvent = AnyEventOf<keyof typeof accessEventSchemas>;
export type BenefitMapEvent = AnyEventOf<keyof typeof benefitMapEventSchemas>;
export type GoalEvent = AnyEventOf<keyof typeof goalEventSchemas>;
export type CostBenefitEvent = AnyEventOf<keyof typeof costBenefitEventSchemas>;
export type CalendarEvent = AnyEventOf<keyof typeof calendarEventSchemas>;
export type UnitEventType = UnitEvent['type'];
export type ProjectEventType = ProjectEvent['type'];
export type BenefitEventType = BenefitEvent['type'];
export type SettlementEventType = SettlementEvent['type'];
export type ReminderEventType = ReminderEvent['type'];

/**
 * Current schema version per event type. Bump it when an event's shape changes, and add an
 * upcaster from the previous version in `upcasters.ts`. Writers store it in `metadata.schemaVersion`.
 */
const currentVersions: Partial<Record<EventType, number>> = {
  BenefitPlanned: 3,
  BaselineMeasured: 2,
  SettlementRecorded: 2,
  CostRecorded: 2,
  CostCorrected: 2,
};

export interface EventSchemaEntry<T extends EventType = EventType> {
  type: T;
  category: StreamCategory;
  schemaVersion: number;
  schema: Schemas[T];
}

export const eventSchemas = Object.fromEntries(
  Object.entries(schemasByCategory).flatMap(([category, schemas]) =>
    Object.entries<z.ZodType>(schemas).map(([type, schema]) => [
      type,
      { type, category, schema, schemaVersion: currentVersions[type as EventType] ?? 1 },
    ]),
  ),
) as { [T in EventType]: EventSchemaEntry<T> };

export const eventTypes = Object.keys(eventSchemas) as EventType[];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventSchemas, type);

export const schemaVersionOf = (type: EventType): number => eventSchemas[type].schemaVersion;
