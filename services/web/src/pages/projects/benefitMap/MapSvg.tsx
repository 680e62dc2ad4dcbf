import { forwardRef, type KeyboardEvent } from 'react';
import type { MapNodeKind, MapNodeView } from '../../../api';
import { statusKey, statusText } from '../../../format/labels';
import { formatPct } from '../../../format/number';
import { columns, wrap, type MapLayout, type PlacedNode } from './layout';

export const kindLabel: Record<MapNodeKind, string> = {
  delivery: 'Leveranse',
  change: 'Endring',
  benefit: 'Gevinst',
  disbenefit: 'Ulempe',
  goal: 'Mål',
};

/** Fill and border per kind; a benefit's border and band take its status colour. Dark text on each (contrast ≥ 4.5). */
const kindColours: Record<MapNodeKind, { fill: string; stroke: string }> = {
  delivery: { fill: '#e8eef7', stroke: '#33507a' },
  change: { fill: '#efe8f6', stroke: '#5b3f7a' },
  benefit: { fill: '#ffffff', stroke: '#4a4a4a' },
  disbenefit: { fill: '#fbeee6', stroke: '#8a4a1f' },
  goal: { fill: '#e6f2ef', stroke: '#1f5c4d' },
};
const statusColours: Record<string, { band: string; text: string }> = {
  green: { band: '#1f7a3d', text: '#ffffff' },
  yellow: { band: '#f2c230', text: '#1a1a1a' },
  red: { band: '#b42318', text: '#ffffff' },
  none: { band: '#6b6b6b', text: '#ffffff' },
  pending: { band: '#6b6b6b', text: '#ffffff' },
};

/** The benefit's status as words (colour is never the only signal), with what is realised. */
export function statusLine(node: MapNodeView): string | null {
  const b = node.benefit;
  if (!b) return node.kind === 'benefit' || node.kind === 'disbenefit' ? 'Ikke koblet til en planlagt gevinst' : null;
  if (b.cancelled) return 'Kansellert';
  const { label } = statusText[statusKey(b.status ?? undefined)];
  return b.achievementPct === null ? label : `${label} · ${formatPct(b.achievementPct)} oppnådd`;
}

export const nodeName = (node: MapNodeView) => `${kindLabel[node.kind]}: ${node.label}`;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function Node({ placed, selected, flagged, onOpen }: { placed: PlacedNode; selected: boolean; flagged: boolean; onOpen: (nodeId: string) => void }) {
  const { node, x, y, width, height, lines } = placed;
  const colours = kindColours[node.kind];
  const status = node.benefit && !node.benefit.cancelled ? statusKey(node.benefit.status ?? undefined) : node.benefit?.cancelled ? 'none' : null;
  const line = statusLine(node);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(node.nodeId);
    }
  };
  return (
    <g
      className={`map-node${selected ? ' map-node-selected' : ''}`}
      data-node-id={node.nodeId}
      tabIndex={0}
      // named by its visible text (kind, label, status), so the name is what one sees (WCAG 2.5.3)
      role="button"
      aria-pressed={selected}
      onClick={() => onOpen(node.nodeId)}
      onKeyDown={onKeyDown}
    >
      <rect className="map-node-box" x={x} y={y} width={width} height={height} rx={8} fill={colours.fill} stroke={flagged ? '#b42318' : colours.stroke} strokeWidth={flagged ? 3 : 1.5} strokeDasharray={flagged ? '6 4' : undefined} />
      <text x={x + 12} y={y + 12 + 13} fontFamily={FONT} fontSize={12} fontWeight={600} fill="#333333">{kindLabel[node.kind]}</text>
      {lines.map((text, i) => (
        <text key={i} x={x + 12} y={y + 12 + 13 + 18 * (i + 1)} fontFamily={FONT} fontSize={14} fill="#1a1a1a">{text}</text>
      ))}
      {line && (
        <>
          {status && <rect x={x + 8} y={y + height - 12 - 17} width={width - 16} height={22} rx={4} fill={statusColours[status]?.band} />}
          <text x={x + 14} y={y + height - 12 - 1} fontFamily={FONT} fontSize={13} fontWeight={600} fill={status ? statusColours[status]?.text : '#5a5a5a'}>{line}</text>
        </>
      )}
    </g>
  );
}

/**
 * The gevinstkart as SVG: columns left → right, each node focusable (Enter opens its details), each
 * edge numbered after its assumption in the legend under the map. Colours are attributes, not CSS,
 * so the exported file looks the same.
 */
export const MapSvg = forwardRef<SVGSVGElement, { layout: MapLayout; title: string; selected: string | null; flagged: ReadonlySet<string>; onOpen: (nodeId: string) => void }>(
  function MapSvg({ layout, title, selected, flagged, onOpen }, ref) {
    const legend = layout.edges.flatMap((e) => wrap(`${e.number}. ${e.edge.assumption}`, 150).map((text, i) => ({ key: `${e.edge.edgeId}-${i}`, text, indent: i > 0 })));
    const legendTop = layout.height + 10;
    const height = legendTop + (legend.length ? 30 + legend.length * 18 : 0) + 10;
    return (
      <svg ref={ref} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${layout.width} ${height}`} width={layout.width} height={height} role="group" aria-label={title} className="map-svg">
        <title>{title}</title>
        <rect x={0} y={0} width={layout.width} height={height} fill="#ffffff" />
        <defs>
          <marker id="map-arrow" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={8} markerHeight={8} orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#444444" />
          </marker>
        </defs>
        {columns.map((c, i) => (
          <text key={c.title} x={(layout.columnX[i] ?? 0) + 4} y={28} fontFamily={FONT} fontSize={16} fontWeight={700} fill="#1a1a1a" aria-hidden="true">{c.title}</text>
        ))}
        <g aria-hidden="true">
          {layout.edges.map((e) => (
            <g key={e.edge.edgeId}>
              <title>{e.edge.assumption}</title>
              <path d={e.path} fill="none" stroke="#444444" strokeWidth={1.5} markerEnd="url(#map-arrow)" />
              <circle cx={e.labelX} cy={e.labelY} r={10} fill="#ffffff" stroke="#444444" />
              <text x={e.labelX} y={e.labelY + 4} textAnchor="middle" fontFamily={FONT} fontSize={11} fill="#1a1a1a">{e.number}</text>
            </g>
          ))}
        </g>
        {layout.nodes.map((p) => (
          <Node key={p.node.nodeId} placed={p} selected={selected === p.node.nodeId} flagged={flagged.has(p.node.nodeId)} onOpen={onOpen} />
        ))}
        {legend.length > 0 && (
          <g aria-hidden="true">
            <text x={24} y={legendTop + 18} fontFamily={FONT} fontSize={14} fontWeight={700} fill="#1a1a1a">Forutsetninger</text>
            {legend.map((l, i) => (
              <text key={l.key} x={l.indent ? 40 : 24} y={legendTop + 40 + i * 18} fontFamily={FONT} fontSize={13} fill="#1a1a1a">{l.text}</text>
            ))}
          </g>
        )}
      </svg>
    );
  },
);
