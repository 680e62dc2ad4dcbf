import type { AuditEntry } from '../api';
import { formatDate } from './date';
import { categoryLabel, decisionPointText, labelOf, phaseLabel, roleText } from './labels';
import { actionStatusLabel } from './labels';
import { formatKr } from './money';
import { formatNumber } from './number';

const oslo = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' });

/** An ISO instant as `31.08.2026 kl. 14:05`, Oslo time. */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: string) => oslo.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} kl. ${part('hour')}:${part('minute')}`;
}

type Data = Record<string, unknown>;
const str = (d: Data, key: string) => {
  const value = d[key];
  return typeof value === 'string' ? value : '';
};
const num = (d: Data, key: string) => {
  const value = d[key];
  return typeof value === 'number' ? value : null;
};
const period = (d: Data) => (str(d, 'period') ? ` (${str(d, 'period')})` : '');
const reason = (d: Data) => (str(d, 'reason') ? `: «${str(d, 'reason')}»` : '');
/** a grant's role, with its unit; without a unit it reaches the whole installation */
const grantedRole = (d: Data, unitName: (id: string) => string) => roleText(str(d, 'role'), str(d, 'unitId') ? unitName(str(d, 'unitId')) : null);

/**
 * What happened, as a bokmål sentence in the past tense (the subject is the person in the row).
 * `unitName` names the units the event refers to by id. Unknown types fall back to `Hendelse: <type>`.
 */
export function describeAuditEntry(entry: Pick<AuditEntry, 'type' | 'data'>, unitName: (id: string) => string): string {
  const d = entry.data ?? {};
  const unit = (key: string) => (str(d, key) ? unitName(str(d, key)) : 'øverste nivå');
  switch (entry.type) {
    case 'UnitRegistered': return `Registrerte enheten «${str(d, 'name')}»${str(d, 'parentId') ? ` under ${unit('parentId')}` : ''}`;
    case 'UnitRenamed': return `Ga «${str(d, 'previousName')}» navnet «${str(d, 'name')}»`;
    case 'UnitMoved': return `Flyttet enheten fra ${unit('previousParentId')} til ${unit('newParentId')} fra ${formatDate(str(d, 'effectiveDate'))}`;
    case 'UnitsMerged': return `Slo sammen ${(Array.isArray(d.mergedUnitIds) ? d.mergedUnitIds.filter((id): id is string => typeof id === 'string') : []).map(unitName).join(', ')} hit fra ${formatDate(str(d, 'effectiveDate'))}`;
    case 'UnitMergedInto': return `Slo enheten sammen inn i ${unit('successorUnitId')} fra ${formatDate(str(d, 'effectiveDate'))}`;
    case 'UnitLeaderAssigned': return `Satte ${str(d, 'leader')} som leder`;
    case 'HourlyRateSet': return `Satte timesats for ${num(d, 'year') ?? ''} til ${formatKr(num(d, 'rateOre'))}`;
    case 'ProjectRegistered': return `Registrerte prosjektet «${str(d, 'name')}» med ${str(d, 'projectLeader')} som prosjektleder`;
    case 'ProjectPhaseChanged': return `Endret fase fra ${labelOf(phaseLabel, str(d, 'previousPhase'))} til ${labelOf(phaseLabel, str(d, 'phase'))}`;
    case 'ProjectClosed': return `Avsluttet prosjektet${reason(d)}`;
    case 'CostRecorded': return `Registrerte kostnad ${formatKr(num(d, 'amountOre'))}${period(d)} betalt av ${unit('payerUnitId')}`;
    case 'CostCorrected': return `Korrigerte kostnad til ${formatKr(num(d, 'amountOre'))}${period(d)}${reason(d)}`;
    case 'CostReversed': return `Reverserte kostnad${reason(d)}`;
    case 'AnnualCostStopped': return `Stoppet årlig kostnad etter ${num(d, 'lastYear') ?? ''}${reason(d)}`;
    case 'BenefitPlanned': return `Planla gevinsten «${str(d, 'title')}» for ${unit('recipientUnitId')} med ${str(d, 'owner')} som gevinsteier`;
    case 'BaselineMeasured': return `Registrerte nullpunkt ${formatNumber(num(d, 'value'))} målt ${formatDate(str(d, 'measuredOn'))}${reason(d)}`;
    case 'BenefitPlanApproved': return `Godkjente gevinstplanen ved ${decisionPointText(str(d, 'decisionPoint'))}${str(d, 'note') ? `: «${str(d, 'note')}»` : ''}`;
    case 'EvidenceAttached': return `La ved filen «${str(d, 'fileName')}» som dokumentasjon`;
    case 'MeasurementRecorded': return `Registrerte måling ${formatNumber(num(d, 'value'))} målt ${formatDate(str(d, 'measuredOn'))}`;
    case 'BenefitRealised': return `Registrerte realisert gevinst ${formatNumber(num(d, 'quantity'))}${period(d)}, verdi ${formatKr(num(d, 'valueOre'))}`;
    case 'BenefitRealisationCorrected': return `Korrigerte realisert gevinst til ${formatNumber(num(d, 'quantity'))}${period(d)}${reason(d)}`;
    case 'BenefitForecastRevised': return `Reviderte prognosen${reason(d)}`;
    case 'BenefitOwnerAssigned': return `Byttet gevinsteier fra ${str(d, 'previousOwner')} til ${str(d, 'owner')}`;
    case 'BenefitCancelled': return `Kansellerte gevinsten${reason(d)}`;
    case 'BudgetWithdrawalRecorded': return `Registrerte gevinstuttak ${formatKr(num(d, 'amountOre'))}${period(d)}${str(d, 'saksnummer') ? `, saksnummer ${str(d, 'saksnummer')}` : ''}`;
    case 'UnplannedBenefitRecorded': return `Registrerte ikke-planlagt gevinst «${str(d, 'title')}» (${labelOf(categoryLabel, str(d, 'category'))}), ${formatKr(num(d, 'valueOre'))}${period(d)}`;
    case 'SettlementRecorded': return `Registrerte avregning ${formatKr(num(d, 'amountOre'))} fra ${unit('fromUnitId')} til ${unit('toUnitId')}${period(d)}${d.override === true ? `, overstyrt: «${str(d, 'overrideReason')}»` : ''}`;
    case 'RoleGranted': return `Ga ${str(d, 'personId')} rollen ${grantedRole(d, unitName)}${reason(d)}`;
    case 'RoleRevoked': return `Fjernet rollen ${grantedRole(d, unitName)} fra ${str(d, 'personId')}${reason(d)}`;
    case 'BenefitActionAdded': return `La til tiltaket «${str(d, 'title')}» med ${str(d, 'owner')} som ansvarlig og frist ${formatDate(str(d, 'deadline'))}`;
    case 'BenefitActionUpdated': return `Oppdaterte et tiltak${str(d, 'status') ? `: ${labelOf(actionStatusLabel, str(d, 'status')).toLowerCase()}` : ''}${str(d, 'deadline') ? `, ny frist ${formatDate(str(d, 'deadline'))}` : ''}${str(d, 'owner') ? `, ny ansvarlig ${str(d, 'owner')}` : ''}`;
    case 'BenefitRiskAssessed': return `Vurderte risikoen «${str(d, 'threat')}»: sannsynlighet ${num(d, 'probability') ?? ''} × konsekvens ${num(d, 'consequence') ?? ''}`;
    case 'BenefitRiskClosed': return `Lukket en risiko${reason(d)}`;
    default: return `Hendelse: ${entry.type}`;
  }
}
