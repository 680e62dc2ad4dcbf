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
}

/**
 * What `recipientUnitId` owes `investorUnitId` by the end of `upTo`: the ledger's own flow between
 * the two (the `flows` of `report({ to: upTo })`, units as registered, a merged unit under its
 * successor), less what the recipient has already settled with the investor. Settlements of later
 * periods count too, so that the settlements between two units never add up to more than the flow
 * they compensate. A settlement's cap (see the settlement decider).
 */
export function owedBetween(ledger: Ledger, q: OwedQuery): OwedBetween {
  const at = unitTree(ledger.facts).reportingUnitOf;
  const recipient = at(q.recipientUnitId);
  const investor = at(q.investorUnitId);
  const flowOre = ledger.report({ to: q.upTo }).flows.find((f) => f.fromUnitId === investor && f.toUnitId === recipient)?.ore ?? 0;
  let settledOre = 0;
  for (const s of ledger.facts.settlements.values())
    if (at(s.fromUnitId) === recipient && at(s.toUnitId) === investor) settledOre += s.amountOre;
  return { flowOre, settledOre, owedOre: flowOre - settledOre };
}

