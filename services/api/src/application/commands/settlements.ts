import { settlementDecider } from '@gevinst/domain/deciders';
import { settlementStream } from '@gevinst/domain/events';
import * as I from '../inputs';
import { defineCommand, stepOn, type CommandSpec } from '../spec';

export const settlementCommands: Record<string, CommandSpec> = {
  recordSettlement: defineCommand({
    name: 'recordSettlement',
    summary: 'Registrer en avregning (omfordeling) mellom to enheter',
    input: I.RecordSettlementInput,
    id: 'new:settlement',
    steps: ({ id, input, env }) => [
      stepOn(settlementDecider, settlementStream(id), { type: 'RecordSettlement', data: { settlementId: id, ...input }, context: env }),
    ],
  }),
};
