import type { Category, Direction, MeasurementSchedule } from './planRow';

export const CATEGORY_LABELS: Record<Category, string> = {
  budget: 'budsjettmessig',
  capacity: 'alternativ anvendelse',
  otherPublic: 'øvrig offentlig sektor',
  unpriced: 'ikke-prissatt',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  increase: 'økning',
  decrease: 'reduksjon',
};

export const SCHEDULE_LABELS: Record<MeasurementSchedule, string> = {
  tertial: 'tertial',
  year: 'år',
  month: 'måned',
};

export const YES = 'ja';
export const NO = 'nei';

/** Lower-case, single spaces, no surrounding blanks: how labels and headers are compared. */
export const normalise = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();

const CATEGORY_ALIASES: Record<string, Category> = {
  budsjettmessig: 'budget',
  'budsjettmessig gevinst': 'budget',
  'budsjettmessig i egen virksomhet': 'budget',
  budget: 'budget',
  'alternativ anvendelse': 'capacity',
  capacity: 'capacity',
  'øvrig offentlig sektor': 'otherPublic',
  'prissatt nytte i øvrig offentlig sektor': 'otherPublic',
  otherpublic: 'otherPublic',
  'ikke-prissatt': 'unpriced',
  'ikke prissatt': 'unpriced',
  unpriced: 'unpriced',
};

export const categoryFromLabel = (text: string): Category | null => CATEGORY_ALIASES[normalise(text)] ?? null;

const DIRECTION_ALIASES: Record<string, Direction> = {
  økning: 'increase',
  øke: 'increase',
  increase: 'increase',
  reduksjon: 'decrease',
  redusere: 'decrease',
  nedgang: 'decrease',
  decrease: 'decrease',
};

export const directionFromLabel = (text: string): Direction | null => DIRECTION_ALIASES[normalise(text)] ?? null;

const SCHEDULE_ALIASES: Record<string, MeasurementSchedule> = {
  tertial: 'tertial',
  tertialvis: 'tertial',
  'per tertial': 'tertial',
  år: 'year',
  årlig: 'year',
  'per år': 'year',
  budsjettår: 'year',
  year: 'year',
  måned: 'month',
  månedlig: 'month',
  'per måned': 'month',
  month: 'month',
};

export const scheduleFromLabel = (text: string): MeasurementSchedule | null => SCHEDULE_ALIASES[normalise(text)] ?? null;

export const booleanFromLabel = (text: string): boolean | null => {
  const t = normalise(text);
  if (t === 'ja' || t === 'j' || t === 'true' || t === 'sann') return true;
  if (t === 'nei' || t === 'n' || t === 'false' || t === 'usann') return false;
  return null;
};
