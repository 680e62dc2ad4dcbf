import type { Ledger, Matrix } from '../../api';
import { escapeHtml } from '../../format/html';
import { formatKr, formatKrShort } from '../../format/money';

type Flow = Ledger['flows'][number];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
/** A rough width of a label in px (the charts use 12 px text): enough to decide whether it fits. */
const textWidth = (text: string, px = 12) => text.length * px * 0.6;

/** Flows between two different units: those the Sankey can draw (gains) and the negative ones (disbenefits) it cannot. */
export function crossingFlows(flows: Flow[]): { gains: Flow[]; losses: Flow[] } {
  const crossing = flows.filter((flow) => flow.fromUnitId !== flow.toUnitId);
  return { gains: crossing.filter((f) => f.ore > 0), losses: crossing.filter((f) => f.ore < 0) };
}

/** Vertical space between the Sankey's nodes: room for a label of two lines on each. */
export const SANKEY_NODE_GAP = 34;

/**
 * A Sankey cannot have cycles or self-loops, and a unit is often both investor and recipient.
 * So investors and recipients are two distinct node sets (`betaler:` / `mottaker:`), and the
 * diagonal (a unit gaining from its own money) is left out here and shown apart. A Sankey cannot
 * draw a negative flow either: those are listed beside it (`crossingFlows().losses`).
 * Labels sit outside the nodes (payers left, receivers right) in margins sized to the width, so
 * they never cross each other or the flows; a long name is cut with … and is whole in the tooltip.
 */
export function sankeyOption(flows: Flow[], name: (id: string) => string) {
  const { gains } = crossingFlows(flows);
  const investors = [...new Set(gains.map((f) => f.fromUnitId))];
  const recipients = [...new Set(gains.map((f) => f.toUnitId))];
  const nodeLabel = (key: string) => {
    const [side, id] = key.split('|');
    return `${name(id ?? '')} (${side === 'betaler' ? 'betaler' : 'mottaker'})`;
  };
  const unitName = (key: string) => name(key.split('|')[1] ?? '');
  return (width: number) => {
    const labelWidth = Math.round(clamp((width - 150) / 2, 70, 220));
    const edgeLabels = width >= 640;
    return {
      tooltip: {
        trigger: 'item',
        className: 'chart-tooltip',
        // the tooltip is HTML: names are escaped (labels on the chart itself are SVG text)
        formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number; name?: string }; value?: number }) =>
          escapeHtml(p.dataType === 'edge'
            ? `${nodeLabel(p.data.source ?? '')} → ${nodeLabel(p.data.target ?? '')}: ${formatKr(p.data.value)}`
            : `${nodeLabel(p.data.name ?? '')}: ${formatKr(p.value)}`),
      },
      series: [{
        type: 'sankey',
        left: labelWidth + 14, right: labelWidth + 14, top: 12, bottom: 12,
        nodeAlign: 'justify',
        nodeGap: SANKEY_NODE_GAP,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        label: {
          formatter: (p: { name: string; value: number }) => `${unitName(p.name)}\n${formatKr(p.value)}`,
          color: '#1b1b1b', fontSize: 12, lineHeight: 14, overflow: 'truncate', ellipsis: '…', width: labelWidth,
        },
        edgeLabel: {
          show: edgeLabels,
          formatter: (p: { value: number }) => formatKr(p.value),
          color: '#1b1b1b', fontSize: 11,
        },
        lineStyle: { color: 'gradient', opacity: 0.45 },
        data: [
          ...investors.map((id) => ({ name: `betaler|${id}`, itemStyle: { color: '#1f4e8c' }, label: { position: 'left' } })),
          ...recipients.map((id) => ({ name: `mottaker|${id}`, itemStyle: { color: '#0b7a47' }, label: { position: 'right' } })),
        ],
        links: gains.map((f) => ({ source: `betaler|${f.fromUnitId}`, target: `mottaker|${f.toUnitId}`, value: f.ore })),
      }],
    };
  };
}

export const HEATMAP_TOP = 36;

/**
 * Payer × receiver without the diagonal. Axis labels get margins from the width (cut with …, whole in
 * the tooltip); a cell shows its amount whole, shortened (`kr 1,2 mill.`) or not at all, whichever fits
 * — the table under the chart always has the whole figure.
 */
export function heatmapOption(matrix: Matrix, name: (id: string) => string, height: number) {
  const investors = [...new Set(matrix.cells.map((c) => c.investorUnitId))];
  const recipients = [...new Set(matrix.cells.map((c) => c.recipientUnitId))];
  const offDiagonal = matrix.cells.filter((c) => c.investorUnitId !== c.recipientUnitId && c.ore !== 0);
  const max = Math.max(1, ...offDiagonal.map((c) => c.ore));
  const option = (width: number) => {
    const yLabelWidth = Math.round(clamp(width * 0.3, 70, 220));
    const left = yLabelWidth + 14;
    const right = 16;
    const cellWidth = (width - left - right) / Math.max(1, recipients.length);
    const upright = cellWidth < 110;
    const xLabelWidth = upright ? 110 : Math.floor(cellWidth - 8);
    const bottom = upright ? xLabelWidth + 40 : 56;
    const cellHeight = (height - HEATMAP_TOP - bottom) / Math.max(1, investors.length);
    const cellText = (ore: number) => {
      const room = cellWidth - 8;
      if (cellHeight < 16) return '';
      if (textWidth(formatKr(ore), 11) <= room) return formatKr(ore);
      if (textWidth(formatKrShort(ore), 11) <= room) return formatKrShort(ore);
      return '';
    };
    return {
      tooltip: {
        className: 'chart-tooltip',
        formatter: (p: { data: [number, number, number] }) => escapeHtml(`${name(investors[p.data[1]] ?? '')} → ${name(recipients[p.data[0]] ?? '')}: ${formatKr(p.data[2])}`),
      },
      grid: { left, right, top: HEATMAP_TOP, bottom },
      xAxis: {
        type: 'category', data: recipients.map(name), name: 'Mottaker', nameLocation: 'middle', nameGap: bottom - 20,
        axisLabel: { rotate: upright ? 90 : 0, width: xLabelWidth, overflow: 'truncate', ellipsis: '…', interval: 0 },
      },
      yAxis: { type: 'category', data: investors.map(name), name: 'Betaler', nameTextStyle: { align: 'right' }, axisLabel: { width: yLabelWidth, overflow: 'truncate', ellipsis: '…', interval: 0 } },
      visualMap: { min: 0, max, calculable: false, show: false, inRange: { color: ['#dbe7f5', '#6b9bd6'] } },
      series: [{
        type: 'heatmap',
        data: offDiagonal.map((c) => [recipients.indexOf(c.recipientUnitId), investors.indexOf(c.investorUnitId), c.ore]),
        label: { show: true, formatter: (p: { data: [number, number, number] }) => cellText(p.data[2]), color: '#000', fontSize: 11 },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
      }],
    };
  };
  return { option, axes: { investors, recipients } };
}
