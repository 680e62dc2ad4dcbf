import { DateTime } from 'luxon';
import { formatPeriodNb, OSLO } from '@gevinst/domain/periods';
import type { CalendarReminder } from '../schedule/calendar';
import type { ReminderMail } from './compose';

const dateNb = (isoDate: string): string => DateTime.fromISO(isoDate, { zone: OSLO }).setLocale('nb').toFormat('d. MMMM yyyy');
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
const whatNb = { realisation: 'realisert gevinst', measurement: 'måling' } as const;

/** The mail ahead of a tertial report («Tertialrapporten nærmer seg: …»): what the benefit still misses, with a link per value. */
export const composeCalendarMail = (r: CalendarReminder, publicUrl: string): ReminderMail => {
  const base = publicUrl.replace(/\/+$/, '');
  const linkOf = (period: string) => `${base}/gevinster/${encodeURIComponent(r.benefitId)}/registrer?periode=${encodeURIComponent(period)}`;
  const link = linkOf(r.missing[0]?.period ?? r.period);
  const tertial = formatPeriodNb(r.period);
  const subject = `Tertialrapporten nærmer seg: ${r.benefitTitle}`;
  const lead = `«${r.deadlineTitle}» har frist ${dateNb(r.deadlineDate)}. Gevinsten «${r.benefitTitle}» mangler fortsatt dette for ${tertial}:`;
  const items = r.missing.map((m) => ({ text: `${whatNb[m.what]} for ${formatPeriodNb(m.period)}`, link: linkOf(m.period) }));
  const facts: [string, string][] = [
    ['Gevinst', r.benefitTitle],
    ['Prosjekt', r.projectName],
    ['Frist', dateNb(r.deadlineDate)],
  ];
  const text = [
    'Hei,', '', lead, '', ...items.map((i) => `- ${i.text}: ${i.link}`), '', ...facts.map(([k, v]) => `${k}: ${v}`), '',
    `Årshjulet: ${base}/arshjul`, '', 'Hilsen Gevinst',
  ].join('\n');
  const html =
    `<p>Hei,</p><p>${escapeHtml(lead)}</p><ul>${items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.text)}</a></li>`).join('')}</ul>` +
    `<ul>${facts.map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(v)}</li>`).join('')}</ul>` +
    `<p><a href="${escapeHtml(`${base}/arshjul`)}">Se årshjulet</a></p><p>Hilsen Gevinst</p>`;
  return { messageId: r.messageId, to: r.to, cc: [], subject, text, html, link };
};
