import { SMTPServer } from 'smtp-server';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { ReminderMail } from '../../src/delivery/compose';
import { freePort } from './redis';

/** A mail as the server got it: the fields the service composed (the link is only in the text), and the parse. */
export interface ReceivedMail extends Omit<ReminderMail, 'link'> {
  raw: ParsedMail;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** closes the listener: connections are refused until `up()` */
  down(): Promise<void>;
  up(): Promise<void>;
  /** delay each accepted mail (to have jobs in flight) */
  delayMs: number;
  stop(): Promise<void>;
}

const addresses = (a: ParsedMail['to']): string[] =>
  !a ? [] : (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address ?? ''));

/** An SMTP server in the test process; mails arrive over the real protocol and are parsed. */
export const startSmtp = async (options: { parse?: boolean } = {}): Promise<TestSmtp> => {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const self: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    delayMs: 0,
    async down() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    async up() {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        size: 10 * 1024 * 1024,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', async () => {
            try {
              const raw = Buffer.concat(chunks);
              if (options.parse === false) {
                const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('latin1'))?.[1] ?? '';
                received.push({ messageId: id, to: [], cc: [], subject: '', text: '', html: '', raw: undefined as never });
              } else {
                const m = await simpleParser(raw);
                received.push({ messageId: m.messageId ?? '', to: addresses(m.to), cc: addresses(m.cc), subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : '', raw: m });
              }
              if (self.delayMs) await new Promise((r) => setTimeout(r, self.delayMs));
              callback();
            } catch (e) {
              callback(e as Error);
            }
          });
        },
      });
      s.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    stop() {
      return self.down();
    },
  };
  await self.up();
  return self;
};
