import type { Span } from '../../../api';
import { spanQuery } from '../../../components/SpanPicker';

/**
 * the trace page for the events behind a figure: from a paying unit, to a receiving unit, or both —
 * with the organisation the figure was placed by (`org`), so the trace finds the same units
 */
export const traceLink = (span: Span & { org?: string | null }, from?: string, to?: string) =>
  `/okonomi/spor?${spanQuery(span)}${from ? `&fraEnhet=${from}` : ''}${to ? `&tilEnhet=${to}` : ''}${span.org ? `&org=${encodeURIComponent(span.org)}` : ''}`;
