import { useMemo } from 'react';
import './BenefitSummary.css';
import type { BenefitView, Status } from '../api';
import { Chart } from './Chart';
import { StatusBadge, Trend } from './Status';
import { TableWrap } from './Table';
import { formatKr } from '../format/money';
import { formatNumber, formatPct } from '../format/number';
import { comparePeriods, formatPeriod } from '../format/period';
import { formatDate } from '../format/date';

/*
 * A benefit has two sets of figures that must not be read as one:
 * - the indicator (målt verdi): a level measured now and then (1 200 → 800 besøk per uke), against its baseline and target;
 * - the realised benefit (realisert gevinst): the quantity taken out per period against the plan, and its value in kr.
 * Both come in the benefit's unit of measure, so every figure here says which of the two it is.
 */

/** One period of the realised benefit: the API's plan, realisation and status for it. */
export interface BenefitRow {
  period: string;
  planned: number | null;
  plannedOre: number | null;
  realised: number | null;
  realisedOre: number | null;
  /** realised as a percentage of planned (what the status is judged on); null without a plan or a realisation */
  pct: number | null;
  corrected: boolean;
  status: Status;
  pending: boolean;
  /** judged although nothing was recorded by the due date (counts as 0) */
  unreported: boolean;
  dueDate: string | null;
}

/** Plan and realisation per period, in the benefit's unit of measure, as the API gives them. */
export function benefitRows(benefit: BenefitView): BenefitRow[] {
  const periods = new Set<string>([...benefit.plan.map((p) => p.period), ...benefit.realisations.map((r) => r.period), ...benefit.statusByPeriod.map((s) => s.period)]);
  return [...periods].sort(comparePeriods).map((period) => {
    const plan = benefit.plan.find((p) => p.period === period);
    const realised = benefit.realisations.find((r) => r.period === period);
    const status = benefit.statusByPeriod.find((s) => s.period === period);
    const planned = plan?.quantity ?? null;
    const quantity = realised?.quantity ?? null;
    return {
      period,
      planned,
      plannedOre: plan?.plannedOre ?? status?.plannedOre ?? null,
      realised: quantity,
      realisedOre: realised?.valueOre ?? null,
      pct: planned !== null && planned > 0 && quantity !== null ? (quantity / planned) * 100 : null,
      corrected: realised?.corrected ?? false,
      status: status?.status ?? null,
      pending: status?.pending ?? false,
      unreported: status?.unreported ?? false,
      dueDate: status?.dueDate ?? null,
    };
  });
}

/** The latest judged period (over, or with a value): the benefit's status now. Null when none is judged. */
export function currentRow(benefit: BenefitView): BenefitRow | null {
  return benefitRows(benefit).filter((r) => r.status !== null).at(-1) ?? null;
}

/** The first period still ahead (not yet due, nothing recorded): the next realisation to report. */
export const nextDueRow = (benefit: BenefitView): BenefitRow | null => benefitRows(benefit).find((r) => r.pending) ?? null;

/** Whether the benefit's realisations carry a value in kroner. */
export const isValued = (benefit: BenefitView) => benefit.valuationOrePerUnit !== null || benefit.unplanned;

export interface ToDate {
  planned: number;
  realised: number;
  plannedOre: number;
  realisedOre: number;
  /** the periods counted */
  periods: string[];
}

/** Plan and realisation summed over the periods due or recorded by now (what «hittil» means on every page). */
export function toDate(benefit: BenefitView): ToDate {
  const rows = benefitRows(benefit).filter((r) => !r.pending && (r.status !== null || r.realised !== null));
  return {
    planned: rows.reduce((sum, r) => sum + (r.planned ?? 0), 0),
    realised: rows.reduce((sum, r) => sum + (r.realised ?? 0), 0),
    plannedOre: rows.reduce((sum, r) => sum + (r.plannedOre ?? 0), 0),
    realisedOre: rows.reduce((sum, r) => sum + (r.realisedOre ?? 0), 0),
    periods: rows.map((r) => r.period),
  };
}

/** Why a period has the status it has, in words: its figures, or that nothing was reported, or that it is not yet due. */
export function statusReason(row: BenefitRow, unit: string, cancelled = false): string {
  if (cancelled) return 'gevinsten er kansellert';
  if (row.pending) return `frist ${formatDate(row.dueDate)}`;
  if (row.unreported) return `ikke rapportert innen fristen ${formatDate(row.dueDate)} (regnes som 0)`;
  if (row.planned === null || row.planned <= 0) return 'ingen plan for perioden';
  return `realisert ${formatNumber(row.realised)} av planlagt ${formatNumber(row.planned)} ${unit} (${formatPct(row.pct)})`;
}

/** A period's status badge, with its reason beside it. */
export function PeriodStatus({ row, unit, cancelled = false }: { row: BenefitRow; unit: string; cancelled?: boolean }) {
  const label = cancelled ? 'Kansellert' : row.pending ? undefined : 'Ikke vurdert';
  return (
    <span className="period-status">
      <StatusBadge status={cancelled ? null : row.status} pending={!cancelled && row.pending} label={label} />{' '}
      <span className="status-reason">{statusReason(row, unit, cancelled)}</span>
    </span>
  );
}

/** The benefit's status now (its latest judged period), with the period and the figures it rests on. */
export function CurrentStatus({ benefit }: { benefit: BenefitView }) {
  if (benefit.cancelled) return <StatusBadge status={null} label="Kansellert" />;
  const row = currentRow(benefit);
  if (!row) {
    const next = nextDueRow(benefit);
    return (
      <span className="period-status">
        <StatusBadge status={null} pending={!!next} label="Ikke vurdert" />{' '}
        <span className="status-reason">{next ? `ingen periode er forfalt ennå; første frist ${formatDate(next.dueDate)}` : 'ingen plan å vurdere mot'}</span>
      </span>
    );
  }
  return (
    <span className="period-status">
      <span className="status-period">{formatPeriod(row.period)}:</span> <PeriodStatus row={row} unit={benefit.unitOfMeasure} />
    </span>
  );
}

const sortedMeasurements = (benefit: BenefitView) =>
  benefit.measurements.map((m, i) => ({ m, i })).sort((a, b) => (a.m.measuredOn < b.m.measuredOn ? -1 : a.m.measuredOn > b.m.measuredOn ? 1 : a.i - b.i)).map((x) => x.m);

/** The figures of the indicator: where it started, where it should go, where it is. */
export function IndicatorFigures({ benefit }: { benefit: BenefitView }) {
  const latest = sortedMeasurements(benefit).at(-1);
  const unit = benefit.unitOfMeasure;
  return (
    <dl className="figures figures-indicator" aria-label={`Indikator: ${benefit.indicator ?? benefit.title}`}>
      <div><dt>Nullpunkt</dt><dd>{benefit.baseline === null ? 'Ikke registrert' : `${formatNumber(benefit.baseline)} ${unit}`}{benefit.baselineMeasuredOn ? ` (målt ${formatDate(benefit.baselineMeasuredOn)})` : ''}</dd></div>
      <div><dt>Mål</dt><dd>{benefit.target === null ? 'Ikke satt' : `${formatNumber(benefit.target)} ${unit}`}{benefit.targetDate ? ` innen ${formatDate(benefit.targetDate)}` : ''}</dd></div>
      <div><dt>Siste måling</dt><dd>{latest ? `${formatNumber(latest.value)} ${unit} (${formatDate(latest.measuredOn)})` : 'Ingen måling ennå'}</dd></div>
      <div>
        <dt>Måloppnåelse</dt>
        <dd>{benefit.achievementPct === null ? achievementMissing(benefit, !!latest) : <>{formatPct(benefit.achievementPct)} <span className="muted">av veien fra nullpunkt til mål</span></>}</dd>
      </div>
      <div><dt>Trend</dt><dd><Trend trend={benefit.trend} direction={benefit.direction} /></dd></div>
    </dl>
  );
}

const achievementMissing = (benefit: BenefitView, measured: boolean) =>
  benefit.baseline === null ? 'Ikke beregnet: mangler nullpunkt'
    : benefit.target === null ? 'Ikke beregnet: mangler mål'
      : !measured ? 'Ikke beregnet: ingen måling ennå'
        : 'Ikke beregnet: målet ligger ikke i ønsket retning fra nullpunktet';

/** The figures of the realised benefit: plan and realisation so far, the variance, and the status now. */
export function RealisedFigures({ benefit }: { benefit: BenefitView }) {
  const sum = toDate(benefit);
  const unit = benefit.unitOfMeasure;
  const valued = isValued(benefit);
  const kr = (ore: number) => (valued ? ` (${formatKr(ore)})` : '');
  const next = nextDueRow(benefit);
  return (
    <dl className="figures figures-realised" aria-label={`Realisert gevinst: ${benefit.title}`}>
      <div><dt>Planlagt hittil</dt><dd>{formatNumber(sum.planned)} {unit}{kr(sum.plannedOre)}</dd></div>
      <div><dt>Realisert hittil</dt><dd>{formatNumber(sum.realised)} {unit}{kr(sum.realisedOre)}</dd></div>
      <div><dt>Avvik hittil</dt><dd>{signed(sum.realised - sum.planned)} {unit}{valued ? ` (${formatKr(sum.realisedOre - sum.plannedOre)})` : ''}</dd></div>
      <div><dt>Status</dt><dd><CurrentStatus benefit={benefit} /></dd></div>
      <div><dt>Neste frist</dt><dd>{next && !benefit.cancelled ? `${formatPeriod(next.period)}: ${formatDate(next.dueDate)}` : 'Ingen'}</dd></div>
    </dl>
  );
}

/** A variance with its sign: +120, −380. */
export const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `\u2212${formatNumber(-n)}` : '0');

/** Both sets of figures, each under its own name (the project page's card). */
export function BenefitFigures({ benefit }: { benefit: BenefitView }) {
  return (
    <div className="benefit-figures">
      <p className="figures-title">Indikator (målt verdi): {benefit.indicator ?? benefit.title}</p>
      <IndicatorFigures benefit={benefit} />
      <p className="figures-title">Realisert gevinst (plan mot realisert, {benefit.unitOfMeasure} per periode)</p>
      <RealisedFigures benefit={benefit} />
    </div>
  );
}

/** The indicator over time: the baseline, each measurement, and the target as a line to reach. */
export function IndicatorChart({ benefit }: { benefit: BenefitView }) {
  const points = useMemo(() => {
    const list = sortedMeasurements(benefit).map((m) => ({ label: formatDate(m.measuredOn), value: m.value, kind: 'måling' }));
    if (benefit.baseline !== null) list.unshift({ label: benefit.baselineMeasuredOn ? formatDate(benefit.baselineMeasuredOn) : 'Nullpunkt', value: benefit.baseline, kind: 'nullpunkt' });
    return list;
  }, [benefit]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: ['Målt verdi', 'Mål'], bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: points.map((p) => p.label) },
    yAxis: { type: 'value', name: benefit.unitOfMeasure, scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { name: 'Målt verdi', type: 'line', data: points.map((p) => p.value), lineStyle: { width: 3 }, color: '#6b3fa0', symbol: 'circle', symbolSize: 9 },
      ...(benefit.target === null ? [] : [{ name: 'Mål', type: 'line', data: points.map(() => benefit.target), lineStyle: { type: 'dashed', width: 2 }, color: '#8a4b00', symbol: 'none' }]),
    ],
  }), [points, benefit.unitOfMeasure, benefit.target]);
  if (points.length === 0) return <p>Ingen nullpunkt eller måling å vise ennå.</p>;
  const summary = `Linjediagram for indikatoren «${benefit.indicator ?? benefit.title}» i ${benefit.unitOfMeasure}: ` +
    points.map((p) => `${p.kind} ${p.label}: ${formatNumber(p.value)}`).join('; ') +
    (benefit.target === null ? '.' : `; mål ${formatNumber(benefit.target)}.`);
  return <Chart option={option} summary={summary} height={240} testId={`indicator-chart-${benefit.id}`} />;
}

/** Plan against realisation per period (the realised benefit, not the indicator). */
export function BenefitChart({ benefit, withTable = true }: { benefit: BenefitView; withTable?: boolean }) {
  const rows = useMemo(() => benefitRows(benefit), [benefit]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: ['Planlagt gevinst', 'Realisert gevinst'], bottom: 0 },
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => formatPeriod(r.period)) },
    yAxis: { type: 'value', name: `${benefit.unitOfMeasure} per periode`, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      { name: 'Planlagt gevinst', type: 'line', data: rows.map((r) => r.planned), lineStyle: { type: 'dashed', width: 2 }, color: '#1f4e8c', symbol: 'circle', symbolSize: 8 },
      // a period not reported is a gap, not a line drawn across it
      { name: 'Realisert gevinst', type: 'line', data: rows.map((r) => r.realised), lineStyle: { width: 3 }, color: '#0b7a47', symbol: 'diamond', symbolSize: 10 },
    ],
  }), [rows, benefit.unitOfMeasure]);
  const summary = `Linjediagram for realisert gevinst «${benefit.title}»: plan mot realisert i ${benefit.unitOfMeasure} per periode. ` +
    rows.map((r) => `${formatPeriod(r.period)}: plan ${formatNumber(r.planned)}, realisert ${formatNumber(r.realised)}`).join('; ') + '.';
  return (
    <div className="chart-block">
      <Chart option={option} summary={summary} height={260} testId={`benefit-chart-${benefit.id}`} />
      {withTable && (
        <details className="chart-table">
          <summary>Vis tallene som tabell</summary>
          <BenefitTable benefit={benefit} />
        </details>
      )}
    </div>
  );
}

/** Per period: planned and realised quantity and value, realised in % of plan, and the status with its reason. */
export function BenefitTable({ benefit }: { benefit: BenefitView }) {
  const rows = benefitRows(benefit);
  const valued = isValued(benefit);
  return (
    <TableWrap label={`Realisert gevinst per periode for ${benefit.title}`}>
      <table className="benefit-periods">
        <caption>Realisert gevinst per periode: plan mot realisert ({benefit.unitOfMeasure}){valued ? ' og verdi' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" className="num">Planlagt</th>
            <th scope="col" className="num">Realisert</th>
            <th scope="col" className="num">Av plan</th>
            {valued && <th scope="col" className="num">Planlagt verdi</th>}
            {valued && <th scope="col" className="num">Realisert verdi</th>}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period} data-period={row.period}>
              <th scope="row">{formatPeriod(row.period)}</th>
              <td className="num" data-col="planned">{formatNumber(row.planned)}</td>
              <td className="num" data-col="realised">{formatNumber(row.realised)}{row.corrected ? ' (korrigert)' : ''}</td>
              <td className="num">{formatPct(row.pct)}</td>
              {valued && <td className="num">{formatKr(row.plannedOre)}</td>}
              {valued && <td className="num">{formatKr(row.realisedOre)}</td>}
              <td data-col="status"><PeriodStatus row={row} unit={benefit.unitOfMeasure} cancelled={benefit.cancelled} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
