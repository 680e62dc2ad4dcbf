import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
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
  const connection: SMTPTransport.Options = {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true' || url.hostname === '127.0.0.1' || url.hostname === 'localhost',
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  };
  const transport: Transporter<SMTPTransport.SentMessageInfo | SMTPPool.SentMessageInfo> =
    (options.pool ?? true)
      ? nodemailer.createTransport({ ...connection, pool: true, maxConnections: options.maxConnections ?? 5 })
      : nodemailer.createTransport(connection);
  const from = options.from ?? process.env.GEVINST_MAIL_FROM ?? FROM;
  return {
    describe: `SMTP ${url.hostname}:${url.port}`,
    async send(mail) {
      const info = await transport.sendMail(message(mail, from));
      if (info.rejected.length) throw new Error(`SMTP refused ${info.rejected.map((r) => (typeof r === 'string' ? r : r.address)).join(', ')}`);
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
      const info = await transport.sendMail(message(mail, from));
      // `buffer: true` above: the message is a Buffer, not a stream
      if (!Buffer.isBuffer(info.message)) throw new Error('the outbox transport gave a stream, not the whole message');
      const name = mail.messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_') + '.eml';
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, info.message);
      await rename(tmp, join(dir, name));
    },
    close: () => transport.close(),
  };
};
