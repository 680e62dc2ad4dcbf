import type { Ore } from '../money';
import { isValued, type BenefitFact } from './facts';
import { monthsOfPeriod } from './months';

/** What was realised as cash-releasing on the benefit (the latest realisation per period), all periods. */
export function realisedCashReleasingOre(benefit: BenefitFact): Ore {
  if (!benefit.cashReleasing || benefit.disbenefit || !isValued(benefit)) return 0;
  let sum = 0;
  for (const r of benefit.realisations.values()) sum += r.valueOre;
  return sum;
}

/**
 * What was realised as cash-releasing in the periods that end no later than `period` ends: what a
 * withdrawal dated `period` may draw on (the benefit decider's rule, `benefitRealisedCashReleasingUpToOre`).
 */
export function realisedCashReleasingUpToOre(benefit: BenefitFact, period: string): Ore {
  if (!benefit.cashReleasing || benefit.disbenefit || !isValued(benefit)) return 0;
  const end = monthsOfPeriod(period).end;
  let sum = 0;
  for (const r of benefit.realisations.values()) if (monthsOfPeriod(r.period).end <= end) sum += r.valueOre;
  return sum;
}

export function withdrawnOre(benefit: BenefitFact): Ore {
  let sum = 0;
  for (const w of benefit.withdrawals) sum += w.amountOre;
  return sum;
}

/** Realised cash-releasing value not yet withdrawn (never below 0: a later downward correction can leave it over-withdrawn). */
export function withdrawableOre(benefit: BenefitFact): Ore {
  return Math.max(0, realisedCashReleasingOre(benefit) - withdrawnOre(benefit));
}

export type WithdrawalCheck =
  | { ok: true; withdrawableOre: Ore }
  | {
      ok: false;
      reason: 'not_cash_releasing' | 'before_realisation' | 'exceeds_withdrawable' | 'not_positive';
      withdrawableOre: Ore;
      requestedOre: Ore;
    };

/**
 * Whether a budget withdrawal of `amountOre` may be recorded against the benefit, with the figures.
 * With `period` (the withdrawal's), as the benefit decider rules: only a `budget` benefit, only on
 * what is realised in that period or earlier, at most that less everything already withdrawn.
 */
export function checkWithdrawal(benefit: BenefitFact, amountOre: Ore, period?: string): WithdrawalCheck {
  const realised = period === undefined ? realisedCashReleasingOre(benefit) : realisedCashReleasingUpToOre(benefit, period);
  const available = Math.max(0, realised - withdrawnOre(benefit));
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) return { ok: false, reason: 'not_positive', withdrawableOre: available, requestedOre: amountOre };
  if (!benefit.cashReleasing || !isValued(benefit) || benefit.category !== 'budget')
    return { ok: false, reason: 'not_cash_releasing', withdrawableOre: 0, requestedOre: amountOre };
  if (realised <= 0) return { ok: false, reason: 'before_realisation', withdrawableOre: 0, requestedOre: amountOre };
  if (amountOre > available) return { ok: false, reason: 'exceeds_withdrawable', withdrawableOre: available, requestedOre: amountOre };
  return { ok: true, withdrawableOre: available };
}
