import { DomainError, refuse, ValidationError } from '../../errors';
import type { EventOf } from '../../events';
import { overlaps } from '../../periods';
import type { PlannedBenefitFacts, PlannedBenefitsLookup } from '../context';
import { emit } from '../rules';
import type { SharedGain } from './commands';

/**
 * The double-counting guard (docs/domain.md, "One gain, one claim"). Two planned benefits claim the
 * same gain when they have the same recipient unit, the same indicator and the same unit of measure
 * (compared without regard to case, surrounding or repeated whitespace) and their plans overlap in
 * time. A new benefit that claims the gain of a live (not cancelled) benefit of *another* project is
 * refused (409 `benefit_overlaps`, naming those benefits) unless the request says how the gain is
 * shared with each of them: its share and the other's, together at most 100 %. Each declared share
 * is stored as `BenefitOverlapDeclared` beside the `BenefitPlanned`.
 *
 * Not guarded: benefits of the same project (one plan, one project leader; the plan may split an
 * indicator over several measures, and the import does not plan a row the project already has
 * again), disbenefits (a loss is not a second claim on a gain), and unplanned benefits (recorded
 * after the fact, with no indicator).
 */

/** An indicator or unit of measure as compared: trimmed, whitespace runs as one space, lower case. */
export const normaliseMeasure = (text: string): string => text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nb-NO');

/**
 * Whether two plans claim a common stretch of time: some period of one overlaps some period of the
 * other. A plan without periods has not said when its gain comes, so it overlaps any plan.
 */
export const plansOverlap = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === 0 || b.length === 0 || a.some((p) => b.some((q) => overlaps(p, q)));

/** What the guard compares of the benefit being planned. */
export interface OverlapCandidate {
  projectId: string;
  recipientUnitId: string;
  indicator: string;
  unitOfMeasure: string;
  disbenefit: boolean;
  periods: readonly string[];
}

/** The live benefits of other projects whose gain the candidate would claim too. */
export const overlappingBenefits = (candidate: OverlapCandidate, plannedBenefits: PlannedBenefitsLookup): PlannedBenefitFacts[] => {
  if (candidate.disbenefit) return [];
  const onUnit = Object.hasOwn(plannedBenefits, candidate.recipientUnitId) ? plannedBenefits[candidate.recipientUnitId] : undefined;
  const indicator = normaliseMeasure(candidate.indicator);
  const unitOfMeasure = normaliseMeasure(candidate.unitOfMeasure);
  return (onUnit ?? []).filter(
    (other) =>
      !other.cancelled &&
      !other.disbenefit &&
      other.projectId !== candidate.projectId &&
      other.recipientUnitId === candidate.recipientUnitId &&
      normaliseMeasure(other.indicator) === indicator &&
      normaliseMeasure(other.unitOfMeasure) === unitOfMeasure &&
      plansOverlap(candidate.periods, other.periods),
  );
};

/** A benefit the refused one overlaps, as the 409 answer names it. */
export interface OverlappedBenefit {
  benefitId: string;
  title: string;
  projectId: string;
  projectName: string | null;
}

/** The new benefit claims a gain other projects' benefits claim already, and says nothing of how it is shared (HTTP 409). */
export class BenefitOverlapError extends DomainError {
  override readonly name = 'BenefitOverlapError';
  constructor(readonly overlaps: OverlappedBenefit[]) {
    const named = overlaps.map((o) => `«${o.title}» i prosjektet «${o.projectName ?? o.projectId}»`).join(', ');
    const message =
      `Gevinsten overlapper ${named}: samme mottakerenhet, indikator og måleenhet i overlappende perioder. ` +
      'Oppgi hvordan gevinsten deles (andeler som til sammen er høyst 100 %), ellers telles den to ganger.';
    super('benefit_overlaps', message, [{ path: 'sharedWith', message }]);
  }
  override toJSON() {
    return { ...super.toJSON(), overlaps: this.overlaps };
  }
}

/**
 * The `BenefitOverlapDeclared` events the new benefit's plan carries, one per declared share; refuses
 * an overlap without a share (409), a share with a benefit it does not overlap (422), and shares over
 * 100 % (400).
 */
export const declareOverlaps = (
  benefitId: string,
  candidate: OverlapCandidate,
  sharedWith: readonly SharedGain[],
  plannedBenefits: PlannedBenefitsLookup,
): EventOf<'BenefitOverlapDeclared'>[] => {
  const overlapping = overlappingBenefits(candidate, plannedBenefits);
  const seen = new Set<string>();
  const declared = sharedWith.map((share, i) => {
    const path = `sharedWith.${i}`;
    if (seen.has(share.benefitId))
      throw new ValidationError('Ugyldige data', [{ path: `${path}.benefitId`, message: 'Samme gevinst står to ganger i delingen' }]);
    seen.add(share.benefitId);
    if (share.sharePercent + share.otherSharePercent > 100) {
      const message = `Andelene er til sammen ${share.sharePercent + share.otherSharePercent} %; de kan ikke være over 100 %`;
      throw new ValidationError(message, [{ path: `${path}.sharePercent`, message }], 'shares_exceed_total');
    }
    const other = overlapping.find((o) => o.benefitId === share.benefitId);
    if (!other)
      return refuse(
        'share_not_overlapping',
        `${path}.benefitId`,
        `Gevinsten «${share.benefitId}» overlapper ikke denne gevinsten (samme mottaker, indikator, måleenhet og periode i et annet prosjekt)`,
      );
    return { share, other };
  });
  const undeclared = overlapping.filter((o) => !seen.has(o.benefitId));
  if (undeclared.length > 0)
    throw new BenefitOverlapError(
      undeclared.map((o) => ({ benefitId: o.benefitId, title: o.title, projectId: o.projectId, projectName: o.projectName })),
    );
  return declared.map(({ share, other }) =>
    emit('BenefitOverlapDeclared', {
      benefitId,
      otherBenefitId: other.benefitId,
      otherProjectId: other.projectId,
      sharePercent: share.sharePercent,
      otherSharePercent: share.otherSharePercent,
    }),
  );
};
