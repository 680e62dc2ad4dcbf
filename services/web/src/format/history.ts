import type { HistoryEntry, PlanLine } from '../api';
import { formatDate } from './date';
import { decisionPointText, labelOf, phaseLabel } from './labels';
import { formatKr } from './money';
import { formatNumber } from './number';
import { formatPeriod } from './period';

const quoted = (text: string | null | undefined) => (text ? `«${text}»` : '');
const because = (reason: string | null | undefined) => (reason ? `. Begrunnelse: «${reason}»` : '');
/** a plan in one line: «2026-T1: 100, 2026-T2: 200 (sum 300)» */
export const planText = (plan: readonly PlanLine[]): string =>
  plan.length === 0
    ? 'ingen perioder'
    : `${plan.map((p) => `${formatPeriod(p.period)}: ${formatNumber(p.quantity)}`).join(', ')} (sum ${formatNumber(plan.reduce((s, p) => s + p.quantity, 0))})`;

/**
 * What changed, as a bokmål sentence (who and when are shown beside it). `unitName` names units by id.
 * Evidence links are given separately (`evidenceOf`).
 */
export function describeHistoryEntry(e: HistoryEntry, unitName: (id: string) => string): string {
  switch (e.kind) {
    case 'benefitPlanned':
      return `Opprinnelig plan: ${planText(e.plan)}. Gevinsteier ${e.owner}${e.baseline !== null ? `, nullpunkt ${formatNumber(e.baseline)}` : ''}${e.target !== null ? `, mål ${formatNumber(e.target)}` : ''}${e.targetDate ? ` innen ${formatDate(e.targetDate)}` : ''}`;
    case 'unplannedBenefitRecorded':
      return `Uplanlagt gevinst registrert: ${formatNumber(e.quantity)} i ${formatPeriod(e.period)}, ${formatKr(e.valueOre)}. ${e.description}`;
    case 'planApproved':
      return `Planen godkjent ved ${decisionPointText(e.decisionPoint)}: ${planText(e.plan)}${e.note ? `. Merknad: ${quoted(e.note)}` : ''}`;
    case 'forecastRevised':
      return `Prognosen revidert fra ${planText(e.previousPlan)} til ${planText(e.plan)}${because(e.reason)}`;
    case 'ownerChanged':
      return `Gevinsteier byttet fra ${e.previousOwner} til ${e.owner}`;
    case 'baselineMeasured':
      return `Nullpunkt ${e.previousValue === null ? '' : `endret fra ${formatNumber(e.previousValue)} `}satt til ${formatNumber(e.value)}, målt ${formatDate(e.measuredOn)}${because(e.reason)}`;
    case 'measurementRecorded':
      return `Måling ${formatNumber(e.value)} målt ${formatDate(e.measuredOn)} (${formatPeriod(e.period)})${e.comment ? `. Kommentar: ${quoted(e.comment)}` : ''}`;
    case 'evidenceAttached':
      return `Dokumentasjon lagt ved: ${e.fileName}${e.period ? ` (${formatPeriod(e.period)})` : e.measuredOn ? ` (målt ${formatDate(e.measuredOn)})` : ''}`;
    case 'realised':
      return `Realisert ${formatNumber(e.quantity)} i ${formatPeriod(e.period)}, verdi ${formatKr(e.valueOre)}${e.comment ? `. Kommentar: ${quoted(e.comment)}` : ''}`;
    case 'realisationCorrected':
      return `Realisert i ${formatPeriod(e.period)} korrigert${e.previousQuantity !== null ? ` fra ${formatNumber(e.previousQuantity)}` : ''} til ${formatNumber(e.quantity)}${because(e.reason)}`;
    case 'withdrawalRecorded':
      return `Gevinstuttak ${formatKr(e.amountOre)} i ${formatPeriod(e.period)} fra ${unitName(e.unitId)}${e.saksnummer ? `, saksnummer ${e.saksnummer}` : ''}`;
    case 'benefitCancelled':
      return `Gevinsten kansellert${because(e.reason)}`;
    case 'overlapDeclared':
      return `Delt gevinst med ${e.otherBenefitTitle ? quoted(e.otherBenefitTitle) : e.otherBenefitId}: ${formatNumber(e.sharePercent)} % / ${formatNumber(e.otherSharePercent)} %${e.declaredHere ? '' : ' (oppgitt da den andre gevinsten ble planlagt)'}`;
    case 'projectRegistered':
      return `Prosjektet «${e.name}» registrert med ${e.projectLeader} som prosjektleder, eid av ${unitName(e.ownerUnitId)}`;
    case 'phaseChanged':
      return `Fase endret fra ${labelOf(phaseLabel, e.previousPhase)} til ${labelOf(phaseLabel, e.phase)}`;
    case 'projectClosed':
      return `Prosjektet avsluttet${because(e.reason)}`;
    case 'costRecorded':
      return `Kostnad ${formatKr(e.amountOre)} i ${formatPeriod(e.period)} betalt av ${unitName(e.payerUnitId)}${e.description ? ` (${e.description})` : ''}`;
    case 'costCorrected':
      return `Kostnad korrigert til ${formatKr(e.amountOre)} i ${formatPeriod(e.period)}${because(e.reason)}`;
    case 'costReversed':
      return `Kostnad reversert${because(e.reason)}`;
  }
}

/** The entry's evidence: a link given with a measurement or realisation, or an attached file. */
export function evidenceOf(e: HistoryEntry): { href: string; label: string } | null {
  if (e.kind === 'evidenceAttached') return { href: e.href, label: `Last ned ${e.fileName}` };
  if ((e.kind === 'measurementRecorded' || e.kind === 'realised' || e.kind === 'realisationCorrected') && e.evidenceUrl)
    return { href: e.evidenceUrl, label: 'Dokumentasjon' };
  return null;
}
