import { settlementDecider } from '@gevinst/domain/deciders/settlements/index';
import { settlementStream } from '@gevinst/domain/events/index';
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
