import type { SettlementContext } from '../context';
import type { Command } from '../decider';

/**
 * `override: true` with an `overrideReason` records a settlement larger than what the ledger says
 * the paying unit (`fromUnitId`, the recipient of the gains) owes the receiving one (`toUnitId`, the
 * investor); without it such a settlement is refused.
 */
export type RecordSettlement = Command<
  'RecordSettlement',
  {
    settlementId: string;
    fromUnitId: string;
    toUnitId: string;
    amountOre: number;
    period: string;
    saksnummer: string;
    projectId?: string | null;
    comment?: string | null;
    override?: boolean | null;
    overrideReason?: string | null;
  },
  SettlementContext
>;

export type SettlementCommand = RecordSettlement;
