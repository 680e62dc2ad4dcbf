import type { Cost } from '../../api';
import { formatPeriod } from '../../format/period';

/** When a cost counts, in words: a one-off cost's period, an annual cost's years («2026–2028», «fra 2026, løpende»). */
export function costWhen(cost: Pick<Cost, 'kind' | 'period' | 'startYear' | 'endYear'>): string {
  if (cost.kind !== 'annual' || cost.startYear === null) return formatPeriod(cost.period);
  if (cost.endYear === null) return `Årlig fra ${cost.startYear}, løpende`;
  return cost.endYear === cost.startYear ? `Årlig i ${cost.startYear}` : `Årlig ${cost.startYear}–${cost.endYear}`;
}
