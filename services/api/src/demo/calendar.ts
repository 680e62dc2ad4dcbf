/**
 * The demo's årshjul: Fjordvik's own dates for the tertial reports of 2026 (to formannskapet, then
 * kommunestyret) and the budget process for 2027. The other tertials keep the default (the 20th of
 * the month after the tertial).
 */
export const demoDeadlines = [
  { kind: 'tertial', period: '2026-T1', date: '2026-05-27', title: '1. tertialrapport 2026 til formannskapet', remindDaysBefore: 14 },
  { kind: 'tertial', period: '2026-T1', date: '2026-06-17', title: '1. tertialrapport 2026 til kommunestyret', remindDaysBefore: 14 },
  { kind: 'tertial', period: '2026-T2', date: '2026-09-23', title: '2. tertialrapport 2026 til formannskapet', remindDaysBefore: 14 },
  { kind: 'tertial', period: '2026-T2', date: '2026-10-14', title: '2. tertialrapport 2026 til kommunestyret', remindDaysBefore: 14 },
  { kind: 'budget', period: '2027', date: '2026-11-25', title: 'Budsjett 2027 og økonomiplan i formannskapet', remindDaysBefore: 0 },
  { kind: 'budget', period: '2027', date: '2026-12-16', title: 'Budsjett 2027 vedtas i kommunestyret', remindDaysBefore: 0 },
] as const;

export const loadDemoCalendar = async (send: (command: string, input: unknown) => Promise<unknown>): Promise<void> => {
  for (const deadline of demoDeadlines) await send('setReportingDeadline', deadline);
};
