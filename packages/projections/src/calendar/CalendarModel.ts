import { wheelOf, tertialDeadlines, withStatus, type CalendarDeadline } from '@gevinst/domain/calendar';
import type { CalendarAnswer, CalendarDeadlineAnswer } from '@gevinst/domain/answers';
import { snapshotFields, type ProjectedEvent, type SnapshotProjection } from '../runner/projection';

/** An explicit deadline of the årshjul, with who set it and when. */
export interface StoredDeadline extends CalendarDeadline {
  source: 'explicit';
  setAt: string;
  setBy: string | null;
}

/**
 * The årshjul: the deadlines finance has set (`ReportingDeadlineSet`, gone again at
 * `ReportingDeadlineRemoved`); the default tertial deadlines are added when asked (`wheel`).
 */
export class CalendarModel implements SnapshotProjection {
  readonly name = 'calendar';
  readonly snapshotVersion = 1;
  readonly deadlines = new Map<string, StoredDeadline>();

  reset(): void {
    this.deadlines.clear();
  }

  apply(event: ProjectedEvent): void {
    if (event.type === 'ReportingDeadlineSet') {
      this.deadlines.set(event.data.deadlineId, {
        ...event.data,
        source: 'explicit',
        setAt: event.metadata.recordedAt ?? '',
        setBy: event.metadata.userId ?? null,
      });
    } else if (event.type === 'ReportingDeadlineRemoved') {
      this.deadlines.delete(event.data.deadlineId);
    }
  }

  /** the explicit deadlines, by date */
  explicit(): StoredDeadline[] {
    return [...this.deadlines.values()].sort((a, b) => a.date.localeCompare(b.date) || a.deadlineId.localeCompare(b.deadlineId));
  }

  /** the calendar year's deadlines (explicit and default) as of `today` (an Oslo date), and the next one */
  wheel(year: number, today: string): CalendarAnswer {
    return wheelOf(this.explicit().map(plain), year, today);
  }

  /** the tertial's report deadlines (its explicit ones, else the default), as of `today` */
  tertialDeadlines(tertial: string, today: string): CalendarDeadlineAnswer[] {
    return tertialDeadlines(this.explicit().map(plain), tertial).map((d) => withStatus(d, today));
  }

  snapshot(): unknown {
    return { deadlines: this.deadlines };
  }

  restore(state: unknown): void {
    const s = snapshotFields(state, { deadlines: 'map' });
    this.deadlines.clear();
    for (const [id, d] of s.deadlines as Map<string, StoredDeadline>) this.deadlines.set(id, d);
  }
}

/** the deadline without who set it (the answer's shape) */
const plain = ({ setAt: _at, setBy: _by, ...d }: StoredDeadline): CalendarDeadline => d;
