import type { UnitsAndProjectsContext } from '../context';
import type { Command } from '../decider';

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
  },
  UnitsAndProjectsContext
>;

export type SettlementCommand = RecordSettlement;
