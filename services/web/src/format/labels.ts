import type { GoalKind, GoalScorecardRow } from '../api';
import type { Category, Direction, DueItem, JudgedStatus, ProjectPhase, ReminderKind, RoleName, Status, Trend } from '../api';
import type { ActionStatus, RiskMatrix } from '../api';

export const categoryLabel: Record<Category, string> = {
  budget: 'Budsjettmessig i egen virksomhet',
  capacity: 'Frigjort kapasitet (alternativ anvendelse)',
  otherPublic: 'Prissatt nytte i øvrig offentlig sektor',
  unpriced: 'Ikke-prissatt',
};

export const directionLabel: Record<Direction, string> = {
  increase: 'Skal øke',
  decrease: 'Skal reduseres',
};

export const phaseLabel: Record<ProjectPhase, string> = {
  planning: 'Planlegging',
  execution: 'Gjennomføring',
  realisation: 'Gevinstrealisering',
};

export const statusText: Record<JudgedStatus | 'none' | 'pending', { label: string; icon: string }> = {
  green: { label: 'Ønsket', icon: '✓' },
  yellow: { label: 'Akseptabelt', icon: '!' },
  red: { label: 'Uakseptabelt', icon: '✕' },
  none: { label: 'Ikke målt', icon: '–' },
  /** the period is not over, or its value is not yet due: not judged */
  pending: { label: 'Ikke forfalt', icon: '◷' },
};

export const statusKey = (status: Status | undefined, pending = false): keyof typeof statusText => status ?? (pending ? 'pending' : 'none');

export const trendLabel: Record<Trend, { label: string; icon: string }> = {
  up: { label: 'Opp siden forrige måling', icon: '▲' },
  down: { label: 'Ned siden forrige måling', icon: '▼' },
  flat: { label: 'Uendret siden forrige måling', icon: '▶' },
};

export const eventLabel: Record<string, string> = {
  UnitRegistered: 'Enhet registrert',
  UnitRenamed: 'Nytt navn',
  UnitMoved: 'Flyttet',
  UnitsMerged: 'Enheter slått sammen',
  UnitMergedInto: 'Slått sammen inn i annen enhet',
  UnitLeaderAssigned: 'Ny leder',
  HourlyRateSet: 'Timesats satt',
  CostRecorded: 'Kostnad registrert',
  CostCorrected: 'Kostnad korrigert',
  CostReversed: 'Kostnad reversert',
  AnnualCostStopped: 'Årlig kostnad stoppet',
  EvidenceAttached: 'Vedlegg lagt ved',
  BenefitPlanned: 'Gevinst planlagt',
  BenefitRealised: 'Gevinst realisert',
  BenefitRealisationCorrected: 'Realisering korrigert',
  BudgetWithdrawalRecorded: 'Gevinstuttak',
  SettlementRecorded: 'Avregning',
  UnplannedBenefitRecorded: 'Ikke-planlagt gevinst',
  BenefitPlanApproved: 'Gevinstplan godkjent',
};

/** Prosjektveiviseren's beslutningspunkter, as the approval form offers them. */
export const decisionPointLabel: Record<string, string> = {
  BP1: 'BP1 – godkjenne prosjektforslag',
  BP2: 'BP2 – godkjenne konseptvalg',
  BP3: 'BP3 – godkjenne gjennomføring (styringsdokument)',
  BP4: 'BP4 – godkjenne avslutning',
  other: 'Annet beslutningspunkt',
};
/** A decision point in a sentence: «BP2», or «et annet beslutningspunkt». */
export const decisionPointText = (code: string): string => (code === 'other' ? 'et annet beslutningspunkt' : code);

export const dueStateLabel: Record<DueItem['state'], string> = {
  upcoming: 'Kommer',
  due: 'Skal rapporteres nå',
  overdue: 'Forfalt',
};

export const reminderKindLabel: Record<ReminderKind, string> = {
  'before-due': 'Varsel før frist',
  due: 'Påminnelse på fristen',
  escalation: 'Purring (også til leder)',
};

export const roleLabel: Record<RoleName, string> = {
  administrator: 'Administrator',
  finance: 'Økonomi',
  management: 'Ledelse',
  'project-leader': 'Prosjektleder',
  'benefit-owner': 'Gevinsteier',
};

const isRole = (role: string): role is RoleName => Object.hasOwn(roleLabel, role);

/** The label of a code read from free data (an event's); the code itself when it has none. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => (Object.hasOwn(labels, code) ? (labels[code] ?? code) : code);

/** `Økonomi – Helse og velferd` for a role scoped to a unit; the bare role for the whole installation. */
export const roleText = (role: string, unitName?: string | null): string => {
  const label = isRole(role) ? roleLabel[role] : role;
  return unitName ? `${label} – ${unitName}` : label;
};

/** A realisation action's status (planlagt / pågår / fullført / avbrutt). */
export const actionStatusLabel: Record<ActionStatus, string> = {
  planned: 'Planlagt',
  inProgress: 'Pågår',
  done: 'Fullført',
  cancelled: 'Avbrutt',
};

/** A risk's band, by word and icon beside its colour (the colour is never the only signal). */
export const riskLevelText: Record<RiskMatrix['cells'][number]['level'], { label: string; icon: string; css: string }> = {
  low: { label: 'Lav risiko', icon: '●', css: 'green' },
  medium: { label: 'Middels risiko', icon: '▲', css: 'yellow' },
  high: { label: 'Høy risiko', icon: '■', css: 'red' },
};

export const gradeLabel: Record<number, string> = { 1: 'svært lav', 2: 'lav', 3: 'middels', 4: 'høy', 5: 'svært høy' };
export const goalKindLabel: Record<GoalKind, string> = { main: 'Hovedmål', sub: 'Delmål (suksessfaktor)', indicator: 'Måleindikator' };

/** A målekort verdict shown like a status: ønsket green, akseptabelt yellow, uakseptabelt red (colour, icon and word). */
type GoalVerdict = NonNullable<GoalScorecardRow['years'][number]['verdict']>;
export const verdictStatus: Record<GoalVerdict, JudgedStatus> = { desired: 'green', acceptable: 'yellow', unacceptable: 'red' };
