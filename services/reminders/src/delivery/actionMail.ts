import { DateTime } from 'luxon';
import { OSLO } from '@gevinst/domain/periods';
import type { ActionReminder } from '../schedule/actions';
import type { ReminderMail } from './compose';

const dateNb = (isoDate: string): string => DateTime.fromISO(isoDate, { zone: OSLO }).setLocale('nb').toFormat('d. MMMM yyyy');
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The mail for an overdue action («Tiltaket har passert fristen: …») or its escalation («Forfalt tiltak: …»). */
export const composeActionMail = (r: ActionReminder, publicUrl: string): ReminderMail => {
  const link = `${publicUrl.replace(/\/+$/, '')}/gevinster/${encodeURIComponent(r.benefitId)}#tiltak`;
  const subject = r.kind === 'overdue' ? `Tiltaket har passert fristen: ${r.title}` : `Forfalt tiltak: ${r.title}`;
  const lead =
    r.kind === 'overdue'
      ? `Tiltaket «${r.title}» skulle vært gjennomført innen ${dateNb(r.deadline)}. Oppdater status, eller sett en ny frist.`
      : `Tiltaket «${r.title}» har passert fristen (${dateNb(r.deadline)}) og er fortsatt ikke fullført. Du får denne fordi du eier gevinsten eller leder prosjektet.`;
  const facts: [string, string][] = [
    ['Gevinst', r.benefitTitle],
    ['Prosjekt', r.projectName],
    ['Frist', dateNb(r.deadline)],
  ];
  const text = ['Hei,', '', lead, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `Se tiltaket: ${link}`, '', 'Hilsen Gevinst'].join('\n');
  const html =
    `<p>Hei,</p><p>${escapeHtml(lead)}</p><ul>${facts.map(([k, v]) => `<li>${escapeHtml(k)}: ${escapeHtml(v)}</li>`).join('')}</ul>` +
    `<p><a href="${escapeHtml(link)}">Se tiltaket</a></p><p>Hilsen Gevinst</p>`;
  return { messageId: r.messageId, to: r.to, cc: r.cc, subject, text, html, link };
};
