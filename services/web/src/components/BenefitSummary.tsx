import { useMemo } from 'react';
import type { BenefitView } from '../api';
import { Chart } from './Chart';
import { StatusBadge, Trend } from './Status';
import { TableWrap } from './Table';
import { formatKr } from '../format/money';
import { formatNumber, formatPct } from '../format/number';
import { comparePeriods, formatPeriod, tertialOf } from '../format/period';
import { todayIso } from '../format/date';

/** Plan and realisation per period, in the benefit's unit of measure. */
export function benefitRows(benefit: BenefitView) {
  const periods = new Set<string>([...benefit.plan.map((p) => p.period), ...benefit.realisations.map((r) => r.period), ...benefit.statusByPeriod.map((s) => s.period)]);
  return [...periods].sort(comparePeriods).map((period) => {
    const plan = benefit.plan.find((p) => p.period === period);
    const realised = benefit.realisations.find((r) => r.period === period);
    const status = benefit.statusByPeriod.find((s) => s.period === period);
    return {
      period,
      planned: plan?.quantity ?? null,
      plannedOre: plan?.plannedOre ?? status?.plannedOre ?? null,
      realised: realised?.quantity ?? null,
      realisedOre: realised?.valueOre ?? status?.realisedOre ?? null,
      corrected: realised?.corrected ?? false,
      status: status?.status ?? null,
      pending: status?.pending ?? false,
    };
  });
}

/** The status of the latest period that is over or has a realisation (a running tertial with nothing yet is not red). */
export function latestStatus(benefit: BenefitView) {
  const current = tertialOf(todayIso());
  const realised = new Set(benefit.realisations.map((r) => r.period));
  const settled = benefit.statusByPeriod
    .filter((s) => s.status !== null && (realised.has(s.period) || comparePeriods(s.period, current) < 0))
    .sort((a, b) => comparePeriods(a.period, b.period));
  return settled.at(-1)?.status ?? null;
}

export function BenefitFigures({ benefit }: { benefit: BenefitView }) {
  return (
    <dl className="figures">
      <div><dt>Måloppnåelse</dt><dd>{formatPct(benefit.achievementPct)}</dd></div>
      <div><dt>Trend</dt><dd><Trend trend={benefit.trend} direction={benefit.direction} /></dd></div>
      <div><dt>Status</dt><dd><StatusBadge status={latestStatus(benefit)} /></dd></div>
      <div><dt>Nullpunkt → mål</dt><dd>{formatNumber(benefit.baseline)} → {formatNumber(benefit.target)} {benefit.unitOfMeasure}</dd></div>
    </dl>
  );
}

export function BenefitChart({ benefit }: { benefit: BenefitView }) {
  const rows = useMemo(() => benefitRows(benefit), [benefit]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: ['Plan', 'Realisert'], bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => formatPeriod(r.period)) },
    yAxis: { type: 'value', name: benefit.unitOfMeasure, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { name: 'Plan', type: 'line', data: rows.map((r) => r.planned), lineStyle: { type: 'dashed', width: 2 }, color: '#1f4e8c', symbol: 'circle', symbolSize: 8 },
      { name: 'Realisert', type: 'line', data: rows.map((r) => r.realised), lineStyle: { width: 3 }, color: '#0b7a47', symbol: 'diamond', symbolSize: 10, connectNulls: true },
    ],
  }), [rows, benefit.unitOfMeasure]);
  const summary = `Linjediagram for «${benefit.title}»: plan mot realisert i ${benefit.unitOfMeasure} per periode. ` +
    rows.map((r) => `${formatPeriod(r.period)}: plan ${formatNumber(r.planned)}, realisert ${formatNumber(r.realised)}`).join('; ') + '.';
  return (
    <div className="chart-block">
      <Chart option={option} summary={summary} height={260} testId={`benefit-chart-${benefit.id}`} />
      <details className="chart-table">
        <summary>Vis tallene som tabell</summary>
        <BenefitTable benefit={benefit} />
      </details>
    </div>
  );
}

export function BenefitTable({ benefit }: { benefit: BenefitView }) {
  const rows = benefitRows(benefit);
  return (
    <TableWrap label={`Plan og realisering for ${benefit.title}`}>
      <table>
        <caption>Plan og realisering per periode ({benefit.unitOfMeasure})</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" className="num">Plan</th>
            <th scope="col" className="num">Realisert</th>
            <th scope="col" className="num">Planlagt verdi</th>
            <th scope="col" className="num">Realisert verdi</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{formatPeriod(row.period)}</th>
              <td className="num">{formatNumber(row.planned)}</td>
              <td className="num">{formatNumber(row.realised)}{row.corrected ? ' (korrigert)' : ''}</td>
              <td className="num">{formatKr(row.plannedOre)}</td>
              <td className="num">{formatKr(row.realisedOre)}</td>
              <td><StatusBadge status={row.status} pending={row.pending} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
