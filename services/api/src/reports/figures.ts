import { kr, number, VERDICT_LABEL, type ReportFlow, type ReportGoalRow } from '@gevinst/domain/report';

/**
 * The report's figures as SVG, drawn on the server from the report's model: the same input gives the
 * same bytes (no random ids, no clock). Text is escaped; sizes are in px of a 680 px wide page column.
 */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const WIDTH = 680;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const PAYER = '#1f4e8c';
const RECEIVER = '#0b7a47';

/**
 * The Sankey of the tertial's gains between units: payers (whose money) on the left, receivers on the
 * right, each band as wide as the gain. As on the web's ledger page, a unit gaining from its own money
 * and negative flows (disbenefits) are not drawn here but listed in the ledger's table.
 */
export const sankeySvg = (flows: readonly ReportFlow[]): string | null => {
  const gains = flows.filter((f) => f.fromUnitId !== f.toUnitId && f.ore > 0);
  if (gains.length === 0) return null;
  const total = gains.reduce((s, f) => s + f.ore, 0);
  const side = (key: 'fromUnitId' | 'toUnitId', label: 'fromName' | 'toName') => {
    const sums = new Map<string, { name: string; ore: number }>();
    for (const f of gains) {
      const s = sums.get(f[key]) ?? { name: f[label], ore: 0 };
      s.ore += f.ore;
      sums.set(f[key], s);
    }
    return [...sums.entries()].sort(([a, x], [b, y]) => y.ore - x.ore || a.localeCompare(b));
  };
  const payers = side('fromUnitId', 'fromName');
  const receivers = side('toUnitId', 'toName');
  const gap = 30;
  const minNode = 4;
  const count = Math.max(payers.length, receivers.length);
  const plot = Math.max(70, 44 * count);
  const height = plot + gap * (count - 1) + 24;
  const scale = plot / total;
  const nodeW = 12;
  const labelW = 200;
  const x0 = labelW;
  const x1 = WIDTH - labelW - nodeW;
  const layout = (nodes: [string, { name: string; ore: number }][]) => {
    const at = new Map<string, { y: number; h: number; used: number }>();
    let y = 12;
    for (const [id, n] of nodes) {
      const h = Math.max(minNode, n.ore * scale);
      at.set(id, { y, h, used: 0 });
      y += h + gap;
    }
    return at;
  };
  const left = layout(payers);
  const right = layout(receivers);
  const parts: string[] = [];
  const ordered = [...gains].sort((a, b) => b.ore - a.ore || a.fromUnitId.localeCompare(b.fromUnitId) || a.toUnitId.localeCompare(b.toUnitId));
  for (const f of ordered) {
    const a = left.get(f.fromUnitId);
    const b = right.get(f.toUnitId);
    if (!a || !b) continue;
    const w = Math.max(1, f.ore * scale);
    const ya = a.y + a.used + w / 2;
    const yb = b.y + b.used + w / 2;
    a.used += w;
    b.used += w;
    const xa = x0 + nodeW;
    const mid = (xa + x1) / 2;
    parts.push(
      `<path d="M${xa} ${ya.toFixed(1)} C${mid} ${ya.toFixed(1)} ${mid} ${yb.toFixed(1)} ${x1} ${yb.toFixed(1)}" fill="none" stroke="${PAYER}" stroke-opacity="0.3" stroke-width="${w.toFixed(1)}"><title>${escapeXml(`${f.fromName} → ${f.toName}: ${kr(f.ore)}`)}</title></path>`,
    );
  }
  const label = (x: number, y: number, anchor: 'start' | 'end', name: string, ore: number) =>
    `<text x="${x}" y="${y.toFixed(1)}" text-anchor="${anchor}" font-size="12"><tspan x="${x}" dy="-0.2em" font-weight="600">${escapeXml(cut(name, 30))}</tspan><tspan x="${x}" dy="1.2em">${escapeXml(kr(ore))}</tspan></text>`;
  for (const [id, n] of payers) {
    const p = left.get(id);
    if (!p) continue;
    parts.push(`<rect x="${x0}" y="${p.y.toFixed(1)}" width="${nodeW}" height="${p.h.toFixed(1)}" fill="${PAYER}"/>`);
    parts.push(label(x0 - 6, p.y + p.h / 2, 'end', n.name, n.ore));
  }
  for (const [id, n] of receivers) {
    const p = right.get(id);
    if (!p) continue;
    parts.push(`<rect x="${x1}" y="${p.y.toFixed(1)}" width="${nodeW}" height="${p.h.toFixed(1)}" fill="${RECEIVER}"/>`);
    parts.push(label(x1 + nodeW + 6, p.y + p.h / 2, 'start', n.name, n.ore));
  }
  return svg(height, 'Gevinster mellom enheter i tertialet: hvem betalte (venstre) og hvem fikk gevinsten (høyre)', parts);
};

const VERDICT_COLOUR = { desired: '#0b7a47', acceptable: '#b58100', unacceptable: '#b3261e' } as const;

/**
 * The målekort as a figure: one row per indicator with a result, its result placed on a scale between
 * the acceptable and desired limits (the three zones coloured), and the verdict beside it.
 */
export const scorecardSvg = (rows: readonly ReportGoalRow[], year: number): string | null => {
  const shown = rows.filter((r) => r.result !== null && r.desiredLimit !== null && r.acceptableLimit !== null);
  if (shown.length === 0) return null;
  const rowH = 34;
  const labelW = 250;
  const verdictW = 110;
  const barX = labelW + 10;
  const barW = WIDTH - barX - verdictW - 10;
  const height = 26 + rowH * shown.length;
  const parts: string[] = [
    `<text x="${barX}" y="14" font-size="11" fill="#444">Resultat ${year} mot resultatgrensene (uakseptabelt – akseptabelt – ønsket)</text>`,
  ];
  shown.forEach((r, i) => {
    const y = 22 + i * rowH;
    const acceptable = r.acceptableLimit ?? 0;
    const desired = r.desiredLimit ?? 0;
    const value = r.result ?? 0;
    const increasing = desired >= acceptable;
    const span = Math.abs(desired - acceptable) || Math.max(1, Math.abs(desired));
    // the scale: a third below the acceptable limit, a third between the limits, a third beyond the desired
    const lo = increasing ? acceptable - span : desired - span;
    const hi = increasing ? desired + span : acceptable + span;
    const at = (v: number) => {
      const t = (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo);
      return barX + (increasing ? t : 1 - t) * barW;
    };
    const third = barW / 3;
    parts.push(`<text x="0" y="${y + 15}" font-size="12">${escapeXml(cut(r.title, 38))}</text>`);
    parts.push(`<rect x="${barX}" y="${y + 4}" width="${third.toFixed(1)}" height="14" fill="#f4d6d4"/>`);
    parts.push(`<rect x="${(barX + third).toFixed(1)}" y="${y + 4}" width="${third.toFixed(1)}" height="14" fill="#f7e8bf"/>`);
    parts.push(`<rect x="${(barX + 2 * third).toFixed(1)}" y="${y + 4}" width="${third.toFixed(1)}" height="14" fill="#d3ecdf"/>`);
    const x = at(value);
    const colour = r.verdict ? VERDICT_COLOUR[r.verdict] : '#444';
    parts.push(`<circle cx="${x.toFixed(1)}" cy="${y + 11}" r="6" fill="${colour}" stroke="#fff" stroke-width="1.5"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${y + 31}" font-size="10" text-anchor="middle" fill="#333">${escapeXml(number(value))}${r.unitOfMeasure ? ` ${escapeXml(cut(r.unitOfMeasure, 14))}` : ''}</text>`);
    parts.push(`<text x="${barX + barW + 10}" y="${y + 15}" font-size="12" font-weight="600" fill="${colour}">${r.verdict ? VERDICT_LABEL[r.verdict] : '–'}</text>`);
  });
  return svg(height, `Målekort ${year}: resultat per indikator mot resultatgrensene`, parts);
};

const svg = (height: number, title: string, parts: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" width="${WIDTH}" height="${Math.ceil(height)}" role="img" aria-label="${escapeXml(title)}" font-family="Liberation Sans, Arial, Helvetica, sans-serif"><title>${escapeXml(title)}</title>${parts.join('')}</svg>`;
