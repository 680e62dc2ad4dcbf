import { randomUUID } from 'node:crypto';
import { validateEvent } from '@gevinst/domain/events';
import type { EventStore } from '@gevinst/eventstore';

const append = async (store: EventStore, stream: string, type: string, data: Record<string, unknown>, recordedAt?: string) => {
  const valid = validateEvent(type as never, data) as Record<string, unknown>;
  await store.appendToStream(stream, [{ type, data: valid, metadata: { userId: 'test', ...(recordedAt ? { recordedAt } : {}) } }]);
};

/** where `openHarness` starts its clock */
export const HARNESS_START = '2026-01-10T00:00:00.000Z';

export interface Org {
  unitId: string;
  projectId: string;
  unitLeader: string;
  projectLeader: string;
}

export const seedOrg = async (store: EventStore, n = 0): Promise<Org> => {
  const unitId = randomUUID();
  const projectId = randomUUID();
  const unitLeader = `enhetsleder${n}@kommune.no`;
  const projectLeader = `prosjektleder${n}@kommune.no`;
  await append(store, `unit-${unitId}`, 'UnitRegistered', { unitId, name: `Byggesak ${n}`, parentId: null, orgNumber: null, leader: unitLeader });
  await append(store, `project-${projectId}`, 'ProjectRegistered', {
    projectId, name: `Digital byggesak ${n}`, ownerUnitId: unitId, projectLeader, thresholds: { greenPct: 100, yellowPct: 80 },
  });
  return { unitId, projectId, unitLeader, projectLeader };
};

export const planBenefit = async (
  store: EventStore,
  org: Org,
  options: { owner?: string; plan?: string[]; schedule?: 'tertial' | 'year' | 'month'; title?: string; at?: string } = {},
): Promise<string> => {
  const benefitId = randomUUID();
  await append(store, `benefit-${benefitId}`, 'BenefitPlanned', {
    benefitId,
    projectId: org.projectId,
    title: options.title ?? 'Færre timer per byggesak',
    recipientUnitId: org.unitId,
    owner: options.owner ?? 'eier@kommune.no',
    indicator: 'timer per byggesak',
    unitOfMeasure: 'timer',
    direction: 'decrease',
    category: 'capacity',
    cashReleasing: false,
    valuationOrePerUnit: 65000,
    baseline: 10,
    target: 7,
    targetDate: '2026-12-31',
    plan: (options.plan ?? ['2026-T1']).map((period) => ({ period, quantity: 100 })),
    measurementSchedule: options.schedule ?? 'tertial',
    disbenefit: false,
    // planned when the test's clock starts (openHarness), unless the test says otherwise
  }, options.at ?? HARNESS_START);
  return benefitId;
};

export const recordRealisation = (store: EventStore, benefitId: string, period: string) =>
  append(store, `benefit-${benefitId}`, 'BenefitRealised', {
    benefitId, period, quantity: 90, valuationOrePerUnit: 65000, valueOre: 90 * 65000, comment: null, evidenceUrl: null,
  });

export const reassignOwner = (store: EventStore, benefitId: string, owner: string, previousOwner: string) =>
  append(store, `benefit-${benefitId}`, 'BenefitOwnerAssigned', { benefitId, owner, previousOwner });

export const cancelBenefit = (store: EventStore, benefitId: string) =>
  append(store, `benefit-${benefitId}`, 'BenefitCancelled', { benefitId, reason: 'Prosjektet er stanset' });

/** Oslo wall-clock instants of the 2026-T1 reminders with the default config (due 14 May 2026). */
export const T1 = {
  beforeDue: '2026-05-07T06:00:00.000Z',
  due: '2026-05-14T06:00:00.000Z',
  escalation: '2026-05-28T06:00:00.000Z',
};
