import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ReminderMail } from './compose';

/** Sends one reminder mail; throws when the mail was not accepted (the queue retries). */
export interface Mailer {
  send(mail: ReminderMail): Promise<void>;
  close(): void;
  readonly describe: string;
}

const FROM = 'Gevinst <gevinst@localhost>';

const message = (mail: ReminderMail, from: string) => ({
  from,
  to: mail.to,
  cc: mail.cc.length ? mail.cc : undefined,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: mail.messageId,
  headers: { 'X-Gevinst-Link': mail.link },
});

/** Over SMTP (`smtp://user:pass@host:port`); bounded timeouts so a hung server fails the attempt. */
export const smtpMailer = (smtpUrl: string, options: { from?: string; pool?: boolean; timeoutMs?: number; maxConnections?: number } = {}): Mailer => {
  const timeout = options.timeoutMs ?? 15_000;
  const url = new URL(smtpUrl);
  const transport: Transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true' || url.hostname === '127.0.0.1' || url.hostname === 'localhost',
    pool: options.pool ?? true,
    maxConnections: options.maxConnections ?? 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as nodemailer.TransportOptions);
  const from = options.from ?? process.env.GEVINST_MAIL_FROM ?? FROM;
  return {
    describe: `SMTP ${url.hostname}:${url.port}`,
    async send(mail) {
      const info = await transport.sendMail(message(mail, from));
      if (info.rejected?.length) throw new Error(`SMTP refused ${info.rejected.join(', ')}`);
    },
    close: () => transport.close(),
  };
};

/** Without SMTP: each mail as a complete .eml file in the outbox folder (written whole, then renamed). */
export const outboxMailer = (dir: string, options: { from?: string } = {}): Mailer => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const from = options.from ?? FROM;
  let ready: Promise<unknown> | undefined;
  return {
    describe: `outbox ${dir}`,
    async send(mail) {
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      const info = (await transport.sendMail(message(mail, from))) as unknown as { message: Buffer };
      const name = mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_') + '.eml';
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, info.message);
      await rename(tmp, join(dir, name));
    },
    close: () => transport.close(),
  };
};
