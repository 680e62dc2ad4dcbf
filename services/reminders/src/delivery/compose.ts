import { DateTime } from 'luxon';
import { OSLO, formatPeriodNb } from '@gevinst/domain/periods';
import type { PlannedReminder } from '../schedule/reminders';
import type { BenefitState } from '../schedule/state';

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

/** Whole Oslo days from the due date to `now` (0 on the due date itself). */
const daysLate = (dueDate: string, now: number): number =>
  Math.max(0, Math.floor(DateTime.fromMillis(now).setZone(OSLO).startOf('day').diff(DateTime.fromISO(dueDate, { zone: OSLO }), 'days').days));

/** «fristen gikk ut i går» / «for 79 dager siden» */
export const sinceDueNb = (days: number): string => (days <= 0 ? 'i dag' : days === 1 ? 'i går' : `for ${days} dager siden`);

const whatNb = (what: PlannedReminder['what'], b: BenefitState, period: string): string =>
  what === 'realisation'
    ? `realisert gevinst for ${period} (i ${b.unitOfMeasure || 'gevinstens måleenhet'})`
    : `en måling av indikatoren «${b.indicator}» for ${period}${b.unitOfMeasure ? ` (i ${b.unitOfMeasure})` : ''}`;

/** `links`: [what, url], the first is the mail's main link */
const asMail = (r: PlannedReminder, links: [string, string][], subject: string, paragraphs: string[], facts: [string, string][], closing: string): ReminderMail => {
  const link = links[0]?.[1] ?? '';
  const linkLines = links.length === 1 ? [`Registrer her: ${link}`] : links.map(([what, url]) => `${what}: ${url}`);
  const text = ['Hei,', '', ...paragraphs.flatMap((p) => [p, '']), ...facts.map(([k, v]) => `${k}: ${v}`), '', ...linkLines, '', closing, '', 'Hilsen Gevinst'].join('\n');
  const html = [
    '<!doctype html><html lang="nb"><body>',
    '<p>Hei,</p>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '<table>',
    ...facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...links.map(([what, url]) => `<p><a href="${escapeHtml(url)}">${escapeHtml(what)}</a></p>`),
    `<p>${escapeHtml(closing)}</p>`,
    '<p>Hilsen Gevinst</p>',
    '</body></html>',
  ].join('\n');
  return { messageId: r.messageId, to: r.to, cc: r.cc, subject, text, html, link };
};

/** The reminder as an e-mail in bokmål: what to record, for which benefit and period, by when, and where. */
export const composeReminderMail = (input: ComposeInput): ReminderMail => {
  const { reminder: r, benefit: b, projectName, publicUrl, now } = input;
  if (r.lateWhenPlanned.length > 0) return composeOverdueSummary(input);
  const period = formatPeriodNb(r.period);
  const due = dateNb(r.dueDate);
  const link = recordLinkOf(publicUrl, r.benefitId, r.period);
  const days = daysLate(r.dueDate, now);

  const subject =
    r.kind === 'before-due'
      ? `Påminnelse: registrer gevinst for «${b.title}» (${period}) innen ${due}`
      : r.kind === 'due'
        ? `Frist i dag: registrer gevinst for «${b.title}» (${period})`
        : `Fristen er ute: gevinst for «${b.title}» (${period}) er ikke registrert`;

  const toLeaders = r.kind === 'escalation' && !r.to.includes(b.owner);
  const intro =
    r.kind === 'before-due'
      ? [`Fristen for å registrere gevinsten nedenfor er ${due}.`]
      : r.kind === 'due'
        ? [`Fristen for å registrere gevinsten nedenfor er i dag, ${due}.`]
        : [
            `Gevinsten nedenfor skulle vært registrert innen ${due}, men er ikke registrert ennå. Fristen gikk ut ${sinceDueNb(days)}.`,
            toLeaders
              ? `Du får denne e-posten fordi du er prosjektleder eller leder for enheten som mottar gevinsten. Gevinsteier er ${b.owner}.`
              : 'Du får denne e-posten som gevinsteier.',
          ];

  const facts: [string, string][] = [
    ['Gevinst', b.title],
    ['Prosjekt', projectName || b.projectId],
    ['Periode', period],
    ['Hva skal registreres', whatNb(r.what, b, period)],
    ['Frist', due],
    ['Gevinsteier', b.owner],
  ];
  const linkText = `Registrer ${r.what === 'realisation' ? 'realisert gevinst' : 'måling'} for ${period}`;
  return asMail(r, [[linkText, link]], subject, intro, facts, 'Når verdien er registrert, stopper påminnelsene for denne perioden.');
};

/**
 * The owner's one mail about a benefit planned after some of its deadlines: every value already
 * late, in one list, instead of an escalation per period to the leaders.
 */
const composeOverdueSummary = ({ reminder: r, benefit: b, projectName, publicUrl, now }: ComposeInput): ReminderMail => {
  const late = r.lateWhenPlanned;
  const one = late.length === 1;
  const first = late[0];
  const subject = one && first
    ? `Registrering mangler: «${b.title}» (${formatPeriodNb(first.period)})`
    : `Registrering mangler: «${b.title}» (${late.length} perioder)`;
  const intro = [
    `Du er gevinsteier for «${b.title}»${projectName ? ` i prosjektet «${projectName}»` : ''}. Gevinsten ble lagt inn etter at fristen var ute for ` +
      (one ? 'én periode. Denne verdien mangler:' : `${late.length} perioder. Disse verdiene mangler:`),
    ...late.map((o) => {
      const period = formatPeriodNb(o.period);
      return `• ${period}: ${whatNb(o.what, b, period)}. Fristen var ${dateNb(o.dueDate)} og gikk ut ${sinceDueNb(daysLate(o.dueDate, now))}.`;
    }),
    `Du får ikke flere påminnelser om ${one ? 'denne perioden' : 'disse periodene'}. For senere perioder får du påminnelse før fristen som vanlig.`,
  ];
  const facts: [string, string][] = [
    ['Gevinst', b.title],
    ['Prosjekt', projectName || b.projectId],
    ['Gevinsteier', b.owner],
  ];
  const links = late.map((o): [string, string] => [`Registrer for ${formatPeriodNb(o.period)}`, recordLinkOf(publicUrl, r.benefitId, o.period)]);
  return asMail(r, links, subject, intro, facts, 'Når en verdi er registrert, er den ikke lenger forsinket.');
};
