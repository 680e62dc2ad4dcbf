import type { Ore } from '../money';
import type { Ledger } from './ledger';
import { unitTree } from './tree';

export interface OwedQuery {
  /** the unit that received the gains and pays the settlement (`fromUnitId` of a settlement) */
  recipientUnitId: string;
  /** the unit whose money produced them and receives the settlement (`toUnitId`) */
  investorUnitId: string;
  /** the settlement's period: flows of periods that end no later than it ends count */
  upTo: string;
}

export interface OwedBetween {
  /** the ledger's flow investor → recipient over every period up to the end of `upTo` */
  flowOre: Ore;
  /** every settlement recorded from the recipient to the investor, whatever its period */
  settledOre: Ore;
  /** flowOre − settledOre: what a new settlement may at most be without an override */
  owedOre: Ore;
  /** the level of the unit tree these figures are read at (see `owedBetween`) */
  level: number;
}

/**
 * What `recipientUnitId` owes `investorUnitId` by the end of `upTo`, as the ledger shows it: the flow
 * investor → recipient in `report({ to: upTo, level })` (each unit with the units under it, a merged
 * unit under its successor), less every settlement already recorded between the two (with the units
 * under them; settlements of later periods count too, so that the settlements never add up to more
 * than the flow they compensate).
 *
 * It is read at every level at which the two units are apart, from the deeper of their depths up to
 * the level just below their common ancestor, and the smallest is what is owed: a settlement between
 * two sectors and one between units inside them compensate the same flows, so neither may exceed
 * what the other left. A settlement's cap (see the settlement decider).
 */
export function owedBetween(ledger: Ledger, q: OwedQuery): OwedBetween {
  const tree = unitTree(ledger.facts);
  const deepest = Math.max(tree.depthOf(q.recipientUnitId), tree.depthOf(q.investorUnitId));
  let binding: OwedBetween | null = null;
  for (let level = deepest; level >= 0; level--) {
    const at = unitTree(ledger.facts, { level }).reportingUnitOf;
    const recipient = at(q.recipientUnitId);
    const investor = at(q.investorUnitId);
    if (recipient === investor) break;
    const flowOre = ledger.report({ to: q.upTo, level }).flows.find((f) => f.fromUnitId === investor && f.toUnitId === recipient)?.ore ?? 0;
    let settledOre = 0;
    for (const s of ledger.facts.settlements.values())
      if (at(s.fromUnitId) === recipient && at(s.toUnitId) === investor) settledOre += s.amountOre;
    const owed = { flowOre, settledOre, owedOre: flowOre - settledOre, level };
    if (binding === null || owed.owedOre < binding.owedOre) binding = owed;
  }
  return binding ?? { flowOre: 0, settledOre: 0, owedOre: 0, level: deepest };
}
