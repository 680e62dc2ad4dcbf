import { DateTime } from 'luxon';
import { OSLO, formatPeriodNb } from '@gevinst/domain/periods';
import type { PlannedReminder } from '../schedule/reminders';
import type { BenefitState } from '../schedule/state';
import { messageIdOf } from '../schedule/ids';

export interface ReminderMail {
  messageId: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** where the owner records the value */
  link: string;
}

export interface ComposeInput {
  reminder: PlannedReminder;
  benefit: BenefitState;
  projectName: string;
  publicUrl: string;
  /** epoch ms of sending, for the days-overdue count */
  now: number;
}

const dateNb = (isoDate: string): string => DateTime.fromISO(isoDate, { zone: OSLO }).setLocale('nb').toFormat('d. MMMM yyyy');

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

export const recordLinkOf = (publicUrl: string, benefitId: string, period: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/gevinster/${encodeURIComponent(benefitId)}/registrer?periode=${encodeURIComponent(period)}`;

/** The reminder as an e-mail in bokmål: what to record, for which benefit and period, by when, and where. */
export const composeReminderMail = ({ reminder: r, benefit: b, projectName, publicUrl, now }: ComposeInput): ReminderMail => {
  const period = formatPeriodNb(r.period);
  const due = dateNb(r.dueDate);
  const link = recordLinkOf(publicUrl, r.benefitId, r.period);
  const what =
    r.what === 'realisation'
      ? `realisert gevinst for ${period} (i ${b.unitOfMeasure || 'gevinstens måleenhet'})`
      : `en måling av indikatoren «${b.indicator}» for ${period}${b.unitOfMeasure ? ` (i ${b.unitOfMeasure})` : ''}`;
  const daysOverdue = Math.max(0, Math.floor(DateTime.fromMillis(now).setZone(OSLO).startOf('day').diff(DateTime.fromISO(r.dueDate, { zone: OSLO }), 'days').days));

  const subject =
    r.kind === 'before-due'
      ? `Påminnelse: registrer gevinst for «${b.title}» (${period}) innen ${due}`
      : r.kind === 'due'
        ? `Frist i dag: registrer gevinst for «${b.title}» (${period})`
        : `Forfalt: gevinst for «${b.title}» (${period}) er ikke registrert`;

  const intro =
    r.kind === 'before-due'
      ? `Fristen for å registrere gevinsten nedenfor er ${due}.`
      : r.kind === 'due'
        ? `Fristen for å registrere gevinsten nedenfor er i dag, ${due}.`
        : `Gevinsten nedenfor skulle vært registrert innen ${due} og er nå ${daysOverdue} dager på overtid. ` +
          `Du får denne e-posten som prosjektleder eller leder for enheten som mottar gevinsten. Gevinsteier er ${b.owner}.`;

  const facts: [string, string][] = [
    ['Gevinst', b.title],
    ['Prosjekt', projectName || b.projectId],
    ['Periode', period],
    ['Hva skal registreres', what],
    ['Frist', due],
    ['Gevinsteier', b.owner],
  ];

  const text = [
    'Hei,',
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    `Registrer her: ${link}`,
    '',
    'Når verdien er registrert, stopper påminnelsene for denne perioden.',
    '',
    'Hilsen Gevinst',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="nb"><body>',
    '<p>Hei,</p>',
    `<p>${escapeHtml(intro)}</p>`,
    '<table>',
    ...facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(link)}">Registrer ${r.what === 'realisation' ? 'realisert gevinst' : 'måling'} for ${escapeHtml(period)}</a></p>`,
    '<p>Når verdien er registrert, stopper påminnelsene for denne perioden.</p>',
    '<p>Hilsen Gevinst</p>',
    '</body></html>',
  ].join('\n');

  return { messageId: messageIdOf(r.benefitId, r.period, r.kind), to: r.to, cc: r.cc, subject, text, html, link };
};
