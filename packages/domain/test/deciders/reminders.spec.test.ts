import { describe, it } from 'vitest';
import { reminderDecider, type ReminderEvent } from '../../src';
import { specFor } from './spec';

const { given } = specFor(reminderDecider);
const context = { now: '2026-08-25T07:00:00+02:00' };
const sent = { benefitId: 'b1', period: '2026-T2', kind: 'before-due' as const, recipients: ['kari@kommune.no'], dueDate: '2026-09-01', messageId: 'm1' };
const escalated = { benefitId: 'b1', period: '2026-T2', recipients: ['leder@kommune.no'], dueDate: '2026-09-01', daysOverdue: 14, messageId: 'm3' };
const failed: ReminderEvent = {
  type: 'ReminderDeliveryFailed',
  data: { benefitId: 'b1', period: '2026-T2', kind: 'before-due', recipients: ['kari@kommune.no'], error: 'SMTP 451', attempts: 1 },
};

describe('reminder claim decider', () => {
  it('claims a reminder once', () => {
    given([]).when({ type: 'SendReminder', data: sent, context }).then([{ type: 'ReminderSent', data: sent }]);
    given([{ type: 'ReminderSent', data: sent }])
      .when({ type: 'SendReminder', data: { ...sent, messageId: 'm2' }, context })
      .thenThrows('reminder_already_sent', 'period');
  });

  it('claims an escalation once', () => {
    given([]).when({ type: 'EscalateReminder', data: escalated, context }).then([{ type: 'ReminderEscalated', data: escalated }]);
    given([{ type: 'ReminderEscalated', data: escalated }]).when({ type: 'EscalateReminder', data: escalated, context }).thenThrows('reminder_already_sent', 'period');
  });

  it('may record delivery failures repeatedly, and still send after them', () => {
    given([failed]).when({ type: 'RecordReminderDeliveryFailure', data: { ...failed.data, attempts: 2 }, context })
      .then([{ type: 'ReminderDeliveryFailed', data: { ...failed.data, attempts: 2 } }]);
    given([failed, failed]).when({ type: 'SendReminder', data: sent, context }).then([{ type: 'ReminderSent', data: sent }]);
  });

  it('refuses recipients that are not e-mail addresses and a missing recipient', () => {
    given([]).when({ type: 'SendReminder', data: { ...sent, recipients: ['kari'] }, context }).thenThrows('validation_failed', 'recipients.0');
    given([]).when({ type: 'SendReminder', data: { ...sent, recipients: [] }, context }).thenThrows('validation_failed', 'recipients');
  });

  it('records a delivery only for a claimed reminder, and only once', () => {
    const delivered = { benefitId: 'b1', period: '2026-T2', kind: 'before-due' as const, recipients: ['kari@kommune.no'], messageId: 'm1' };
    given([]).when({ type: 'RecordReminderDelivery', data: delivered, context }).thenThrows('reminder_not_claimed', 'period');
    given([{ type: 'ReminderSent', data: sent }])
      .when({ type: 'RecordReminderDelivery', data: delivered, context })
      .then([{ type: 'ReminderDelivered', data: delivered }]);
    given([{ type: 'ReminderSent', data: sent }, { type: 'ReminderDelivered', data: delivered }])
      .when({ type: 'RecordReminderDelivery', data: delivered, context })
      .thenNothing();
  });
});
