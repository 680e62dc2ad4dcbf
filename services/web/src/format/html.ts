const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to put inside HTML. ECharts writes a tooltip formatter's answer as innerHTML, so every
 * name that reaches one must pass through here (a unit may be called `<img src=x onerror=…>`).
 */
export const escapeHtml = (text: string | null | undefined): string => String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
