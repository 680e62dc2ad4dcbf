import type { Ledger, Matrix } from '../../api';
import { escapeHtml } from '../../format/html';
import { formatKr } from '../../format/money';

/**
 * A Sankey cannot have cycles or self-loops, and a unit is often both investor and recipient.
 * So investors and recipients are two distinct node sets (`betaler:` / `mottaker:`), and the
 * diagonal (a unit gaining from its own money) is left out here and shown apart.
 */
export function sankeyOption(flows: Ledger['flows'], name: (id: string) => string) {
  const crossing = flows.filter((flow) => flow.fromUnitId !== flow.toUnitId && flow.ore > 0);
  const investors = [...new Set(crossing.map((f) => f.fromUnitId))];
  const recipients = [...new Set(crossing.map((f) => f.toUnitId))];
  const nodeLabel = (key: string) => {
    const [side, id] = key.split('|');
    return `${name(id ?? '')} (${side === 'betaler' ? 'betaler' : 'mottaker'})`;
  };
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
      left: 8, right: 8, top: 12, bottom: 12,
      nodeAlign: 'justify',
      draggable: false,
      emphasis: { focus: 'adjacency' },
      label: { formatter: (p: { name: string }) => nodeLabel(p.name), color: '#1b1b1b', overflow: 'truncate', width: 150 },
      lineStyle: { color: 'gradient', opacity: 0.45 },
      data: [
        ...investors.map((id) => ({ name: `betaler|${id}`, itemStyle: { color: '#1f4e8c' }, label: { position: 'right' } })),
        ...recipients.map((id) => ({ name: `mottaker|${id}`, itemStyle: { color: '#0b7a47' }, label: { position: 'left' } })),
      ],
      links: crossing.map((f) => ({ source: `betaler|${f.fromUnitId}`, target: `mottaker|${f.toUnitId}`, value: f.ore })),
    }],
  };
}

export function heatmapOption(matrix: Matrix, name: (id: string) => string) {
  const investors = [...new Set(matrix.cells.map((c) => c.investorUnitId))];
  const recipients = [...new Set(matrix.cells.map((c) => c.recipientUnitId))];
  const offDiagonal = matrix.cells.filter((c) => c.investorUnitId !== c.recipientUnitId && c.ore !== 0);
  const max = Math.max(1, ...offDiagonal.map((c) => c.ore));
  return {
    tooltip: {
      className: 'chart-tooltip',
      formatter: (p: { data: [number, number, number] }) => escapeHtml(`${name(investors[p.data[1]] ?? '')} → ${name(recipients[p.data[0]] ?? '')}: ${formatKr(p.data[2])}`),
    },
    grid: { left: 170, right: 16, top: 36, bottom: 90 },
    xAxis: { type: 'category', data: recipients.map(name), name: 'Mottaker', nameLocation: 'middle', nameGap: 70, axisLabel: { rotate: 30, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'category', data: investors.map(name), name: 'Betaler', axisLabel: { width: 160, overflow: 'truncate' } },
    visualMap: { min: 0, max, calculable: false, show: false, inRange: { color: ['#dbe7f5', '#6b9bd6'] } },
    series: [{
      type: 'heatmap',
      data: offDiagonal.map((c) => [recipients.indexOf(c.recipientUnitId), investors.indexOf(c.investorUnitId), c.ore]),
      label: { show: true, formatter: (p: { data: [number, number, number] }) => formatKr(p.data[2]), color: '#000' },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
    }],
    _axes: { investors, recipients },
  };
}
