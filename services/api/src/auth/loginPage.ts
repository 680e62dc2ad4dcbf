import { roleLabels } from '@gevinst/domain/events';
import { EMBEDDED_ACCOUNTS, EMBEDDED_PASSWORD } from './embeddedAccounts';

const HTML_ESCAPES: Partial<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const page = (title: string, main: string): string => `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
.warning{border:2px solid #a15c00;background:#fff4e0;padding:.75rem 1rem;border-radius:4px}
.accounts{list-style:none;padding:0;display:grid;gap:.5rem}
button{font:inherit;padding:.5rem 1rem;cursor:pointer;border:1px solid #1f4e79;background:#1f4e79;color:#fff;border-radius:4px}
.accounts button{width:100%;text-align:left;background:#fff;color:#1f4e79}
label{display:block;margin-top:.75rem;font-weight:600}
input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
.error{color:#a00000;font-weight:600}
code{background:#eee;padding:0 .25rem}
</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>`;

export interface LoginPageInput {
  /** where the forms post (the interaction's login action) */
  action: string;
  clientName?: string;
  error?: string;
  email?: string;
}

/** The embedded test provider's login page: one-click demo accounts and an e-mail/password form. */
export const loginPage = ({ action, clientName, error, email }: LoginPageInput): string =>
  page(
    'Logg inn – Gevinst (testpålogging)',
    `<h1>Logg inn${clientName ? ` i ${escapeHtml(clientName)}` : ''}</h1>
<p class="warning" role="note"><strong>Innebygd testpålogging.</strong> Alle demobrukerne har det samme, kjente passordet
<code>${escapeHtml(EMBEDDED_PASSWORD)}</code>. I drift bruker kommunen sin egen pålogging (<code>OIDC_ISSUER</code>).</p>
${error ? `<p class="error" role="alert" id="login-error">${escapeHtml(error)}</p>` : ''}
<h2>Logg inn som en demobruker</h2>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="password" value="${escapeHtml(EMBEDDED_PASSWORD)}">
<ul class="accounts">
${EMBEDDED_ACCOUNTS.map(
  (a) =>
    `<li><button type="submit" name="email" value="${escapeHtml(a.email)}">Logg inn som ${escapeHtml(a.name)} (${escapeHtml(roleLabels[a.roleHint])})</button></li>`,
).join('\n')}
</ul>
</form>
<h2>Logg inn med e-post og passord</h2>
<form method="post" action="${escapeHtml(action)}">
<label for="email">E-postadresse</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email ?? '')}"${error ? ' aria-describedby="login-error"' : ''}>
<label for="password">Passord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button type="submit">Logg inn</button></p>
</form>`,
  );

/** A plain page for what went wrong during login (expired interaction and the like). */
export const problemPage = (heading: string, text: string, link?: { href: string; label: string }): string =>
  page(
    heading,
    `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(text)}</p>
${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ''}`,
  );
