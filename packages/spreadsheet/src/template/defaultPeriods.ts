import { formatPeriod, tertial, yearPeriod } from '@gevinst/domain/periods';

export type PeriodGranularity = 'tertial' | 'year';

/** Period codes for `years` budget years from `fromYear`: tertials (`2026-T1` …) or whole years. */
export function planPeriods(fromYear: number, years: number, granularity: PeriodGranularity): string[] {
  const out: string[] = [];
  for (let y = fromYear; y < fromYear + years; y++) {
    if (granularity === 'year') out.push(formatPeriod(yearPeriod(y)));
    else for (let t = 1; t <= 3; t++) out.push(formatPeriod(tertial(y, t)));
  }
  return out;
}
