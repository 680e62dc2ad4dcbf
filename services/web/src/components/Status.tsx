import type { Status } from '../api';
import { statusKey, statusText, trendLabel } from '../format/labels';

/** Status by colour, icon and word, so colour is never the only signal. */
export function StatusBadge({ status }: { status: Status | undefined }) {
  const key = statusKey(status);
  const { label, icon } = statusText[key];
  return (
    <span className={`status status-${key}`}>
      <span aria-hidden="true" className="status-icon">{icon}</span> {label}
    </span>
  );
}

export function Trend({ trend }: { trend: 'up' | 'down' | 'flat' | null | undefined }) {
  if (!trend) return <span>Ingen tidligere måling</span>;
  const { label, icon } = trendLabel[trend];
  return (
    <span className={`trend trend-${trend}`}>
      <span aria-hidden="true">{icon}</span> {label}
    </span>
  );
}
