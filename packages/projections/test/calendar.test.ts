import { decodeState, encodeState } from '../src/runner/snapshots';
import { describe, expect, it } from 'vitest';
import { CalendarModel } from '../src/calendar/CalendarModel';
import type { ProjectedEvent } from '../src/runner/projection';

let position = 0n;
const recorded = (type: string, data: Record<string, unknown>, recordedAt = '2026-03-01T10:00:00Z'): ProjectedEvent =>
  ({
    id: `e${++position}`,
    streamName: 'calendar-installation',
    revision: position - 1n,
    globalPosition: position,
    type,
    data,
    metadata: { userId: 'okonomi@kommune.no', recordedAt },
  }) as unknown as ProjectedEvent;

const set = (deadlineId: string, period: string, date: string) =>
  recorded('ReportingDeadlineSet', { deadlineId, kind: 'tertial', period, date, title: `Frist ${deadlineId}`, remindDaysBefore: 14 });

describe('CalendarModel', () => {
  it('keeps the explicit deadlines, drops removed ones, and adds the defaults for the tertials without', () => {
    const model = new CalendarModel();
    for (const e of [set('a', '2026-T1', '2026-05-27'), set('b', '2026-T2', '2026-09-23'), recorded('ReportingDeadlineRemoved', { deadlineId: 'b', reason: 'Flyttet' })])
      model.apply(e);
    expect(model.explicit().map((d) => [d.deadlineId, d.setBy])).toEqual([['a', 'okonomi@kommune.no']]);
    expect(model.wheel(2026, '2026-06-01').deadlines.map((d) => [d.date, d.source])).toEqual([
      ['2026-01-20', 'default'],
      ['2026-05-27', 'explicit'],
      ['2026-09-20', 'default'],
    ]);
    expect(model.tertialDeadlines('2026-T1', '2026-06-01')).toEqual([expect.objectContaining({ deadlineId: 'a', status: 'past', daysLeft: -5 })]);
  });

  it('restored from its snapshot (through the bytes the runner stores) and fed the rest equals folding everything', () => {
    const events = [set('a', '2026-T1', '2026-05-27'), set('b', '2026-T2', '2026-09-23'), recorded('ReportingDeadlineRemoved', { deadlineId: 'a', reason: 'Feil' }), set('c', '2026-T3', '2027-01-27')];
    const whole = new CalendarModel();
    for (const e of events) whole.apply(e);
    const first = new CalendarModel();
    for (const e of events.slice(0, 2)) first.apply(e);
    const resumed = new CalendarModel();
    resumed.restore(decodeState(encodeState(first.snapshot())));
    for (const e of events.slice(2)) resumed.apply(e);
    expect(resumed.explicit()).toEqual(whole.explicit());
    expect(() => new CalendarModel().restore({ deadlines: [] })).toThrow();
  });
});
