/** A plain-text table for a terminal: columns padded to their widest cell, long cells wrapped. */
export function printTable(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const wrap = (text: string, width: number): string[] => {
    if (text.length <= width) return [text];
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && (line + ' ' + word).length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines;
  };
  const widths = headers.map((h, i) => Math.min(maxWidths[i] ?? 80, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const out: string[] = [];
  const emit = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i] ?? 80));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) out.push(wrapped.map((w, i) => (w[k] ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd());
  };
  emit(headers);
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) emit(row);
  return out.join('\n');
}
