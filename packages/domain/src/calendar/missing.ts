import type { MissingBenefit } from '../answers/calendar';
import { spanMonths, toPeriod, tryParsePeriod, type PeriodKind } from '../periods';
import { isObligationMet, rememberedObligationPeriods, type ObligationPeriod, type RecordedPeriods } from './obligations';

/** What «what is missing» needs to know of a benefit (the API fills it from its read model). */
export interface BenefitRecordFacts extends RecordedPeriods {
  benefitId: string;
  title: string;
  projectId: string | null;
  projectName: string | null;
  recipientUnitId: string;
  owner: string | null;
  cancelled: boolean;
  /** the periods of the current plan (forecast) */
  plan: readonly string[];
  measurementSchedule: PeriodKind;
}

/** Whether the obligation's period ends within the tertial: the values the tertial's report asks for. */
export const endsWithin = (tertial: string, o: ObligationPeriod): boolean => {
  const key = `${tertial}|${o.period}`;
  let known = within.get(key);
  if (known === undefined) {
    const t = spanMonths(tertial);
    const end = spanMonths(toPeriod(o.period)).end;
    known = end > t.start && end <= t.end;
    if (within.size >= 100_000) within.clear();
    within.set(key, known);
  }
  return known;
};
const within = new Map<string, boolean>();

/**
 * For a tertial, the benefits whose values for it are still not recorded: every obligation
 * (`computeObligationPeriods`, the reminders' rule, remembered per plan) whose period ends within the tertial and is not
 * met. `inScope` picks the recipient units (a unit and those below it); cancelled benefits owe nothing.
 * Sorted by project, then benefit title.
 */
export const missingForTertial = (
  benefits: Iterable<BenefitRecordFacts>,
  tertial: string,
  inScope: (unitId: string) => boolean = () => true,
): MissingBenefit[] => {
  const t = tryParsePeriod(tertial);
  if (t === null || t.kind !== 'tertial') throw new Error(`Not a tertial: ${tertial}`);
  const out: MissingBenefit[] = [];
  for (const b of benefits) {
    if (b.cancelled || !inScope(b.recipientUnitId)) continue;
    const missing = missingOf(b, tertial);
    if (missing.length === 0) continue;
    out.push({
      benefitId: b.benefitId,
      benefitTitle: b.title,
      projectId: b.projectId,
      projectName: b.projectName,
      recipientUnitId: b.recipientUnitId,
      owner: b.owner,
      missing,
    });
  }
  return out.sort(
    (a, b) => (a.projectName ?? '').localeCompare(b.projectName ?? '', 'nb') || a.benefitTitle.localeCompare(b.benefitTitle, 'nb') || a.benefitId.localeCompare(b.benefitId),
  );
};

/** One benefit's unmet obligations for the tertial, by period. */
export const missingOf = (b: Pick<BenefitRecordFacts, 'plan' | 'measurementSchedule' | 'realised' | 'measured'>, tertial: string): ObligationPeriod[] =>
  rememberedObligationPeriods(b.plan, b.measurementSchedule)
    .filter((o) => endsWithin(tertial, o) && !isObligationMet(b, o))
    .sort((x, y) => x.period.localeCompare(y.period));
