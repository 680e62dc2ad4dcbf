const monthName = new Intl.DateTimeFormat('nb-NO', { month: 'long', timeZone: 'UTC' });

/** `2026-T2` → `2026 T2`, `2026` → `2026`, `2026-03` → `mars 2026`. */
export function formatPeriod(period: string | null | undefined): string {
  if (!period) return '–';
  const tertial = /^(\d{4})-T([1-3])$/.exec(period);
  if (tertial) return `${tertial[1]} T${tertial[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${monthName.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)))} ${month[1]}`;
  return period;
}

/** The tertial a date falls in (T1 jan–apr, T2 mai–aug, T3 sep–des). */
export function tertialOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return `${year}-T${Math.floor((month - 1) / 4) + 1}`;
}

/** Period choices for a span picker: each year and its tertials, from `first` to `last` year. */
export function periodChoices(first: number, last: number): { value: string; label: string }[] {
  const choices: { value: string; label: string }[] = [];
  for (let year = first; year <= last; year++) {
    choices.push({ value: String(year), label: `${year} (hele året)` });
    for (let t = 1; t <= 3; t++) choices.push({ value: `${year}-T${t}`, label: `${year} T${t}` });
  }
  return choices;
}

const order = (period: string): number => {
  const tertial = /^(\d{4})-T([1-3])$/.exec(period);
  if (tertial) return Number(tertial[1]) * 100 + Number(tertial[2]) * 4;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return Number(month[1]) * 100 + Number(month[2]);
  return Number(period) * 100;
};

export const comparePeriods = (a: string, b: string): number => order(a) - order(b);
