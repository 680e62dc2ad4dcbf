import type { Direction, Status, Trend as TrendName } from '../api';
import { statusKey, statusText, trendLabel } from '../format/labels';

/**
 * Status by colour, icon and word, so colour is never the only signal; a period not yet due (`pending`) is not judged.
 * `label` names a status that was not judged for another reason (cancelled, nothing planned) instead of the generic one.
 */
export function StatusBadge({ status, pending = false, label }: { status: Status | undefined; pending?: boolean; label?: string }) {
  const key = statusKey(status, pending);
  const { label: word, icon } = statusText[key];
  return (
    <span className={`status status-${key}`}>
      <span aria-hidden="true" className="status-icon">{icon}</span> {status ? word : (label ?? word)}
    </span>
  );
}

/** The indicator's movement since the previous measurement, and whether that is good given the benefit's direction. */
export function Trend({ trend, direction }: { trend: TrendName | null | undefined; direction: Direction }) {
  if (!trend) return <span>Ingen tidligere måling</span>;
  const { label, icon } = trendLabel[trend];
  const quality = trend === 'flat' ? 'same' : (trend === 'up') === (direction === 'increase') ? 'better' : 'worse';
  const verdict = quality === 'same' ? '' : quality === 'better' ? ' – bedre' : ' – dårligere';
  return (
    <span className={`trend trend-${quality}`}>
      <span aria-hidden="true">{icon}</span> {label}{verdict}
    </span>
  );
}
