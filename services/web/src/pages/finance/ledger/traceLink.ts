import type { Span } from '../../../api';
import { spanQuery } from '../../../components/SpanPicker';

/** the trace page for the events behind a figure: from a paying unit, to a receiving unit, or both */
export const traceLink = (span: Span, from?: string, to?: string) =>
  `/okonomi/spor?${spanQuery(span)}${from ? `&fraEnhet=${from}` : ''}${to ? `&tilEnhet=${to}` : ''}`;
