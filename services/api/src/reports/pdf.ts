import type { Browser } from 'playwright-core';

/** The arguments the project runs headless Chromium with (see COMMON.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface PdfOptions {
  executablePath?: string;
  /** the whole print may take this long before it is given up (ms; default 60 s) */
  timeoutMs?: number;
  /** the instant the PDF states as its creation and modification date (its content is then reproducible) */
  createdAt: string;
  title: string;
}

/** The print took longer than its limit (a very large report): answered 503, pointing to the DOCX. */
export class PdfTimeoutError extends Error {
  override readonly name = 'PdfTimeoutError';
}

let queue: Promise<unknown> = Promise.resolve();

/** one print at a time: each launches a browser of a few hundred MB, and the machine is shared */
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
};

const withTimeout = <T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new PdfTimeoutError(`Utskriften til PDF tok mer enn ${Math.round(ms / 1000)} sekunder. Last ned DOCX, eller velg en enhet lenger ned i organisasjonen.`));
    }, ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

/** `D:20261203152132Z`: a PDF date */
const pdfDate = (instant: string) => {
  const d = new Date(instant);
  const p = (x: number) => String(x).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
};

/**
 * Sets the PDF's dates (Chromium writes the clock's) to the report's instant and drops its random
 * document id, so that printing the same page twice gives the same file. The dates are written over in
 * place with strings of the same length, so the file's cross-reference offsets stay valid.
 */
export const fixPdfMetadata = (pdf: Buffer, createdAt: string): Buffer => {
  let text = pdf.toString('latin1');
  const date = pdfDate(createdAt);
  text = text.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (whole, key: string) => {
    const value = `/${key} (${date})`;
    return value.length <= whole.length ? value.padEnd(whole.length, ' ') : whole;
  });
  text = text.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g, (whole, a: string, b: string) => `/ID [<${'0'.repeat(a.length)}> <${'0'.repeat(b.length)}>]`);
  return Buffer.from(text, 'latin1');
};

/** Prints the HTML to an A4 PDF with headless Chromium: a browser per print, closed whatever happens. */
export const htmlToPdf = (html: string, options: PdfOptions): Promise<Buffer> =>
  oneAtATime(async () => {
    let browser: Browser | undefined;
    let timedOut = false;
    const close = () => {
      timedOut = true;
      void browser?.close().catch(() => undefined);
    };
    try {
      return await withTimeout(
        (async () => {
          // loaded at the first print, not at start (it takes a second to load)
          const { chromium } = await import('playwright-core');
          browser = await chromium.launch({ executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
          // a launch that ends after the time limit closes its browser at once
          if (timedOut) await browser.close();
          const page = await browser.newPage({ javaScriptEnabled: false });
          // the page is whole in itself: nothing is fetched from anywhere
          await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:Arial,sans-serif">${escapeHtml(options.title)} · side <span class="pageNumber"></span> av <span class="totalPages"></span></div>`,
            tagged: true,
          });
          return fixPdfMetadata(pdf, options.createdAt);
        })(),
        options.timeoutMs ?? 60_000,
        close,
      );
    } finally {
      await browser?.close().catch(() => undefined);
    }
  });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** the number of pages of a PDF (its page objects) */
export const pdfPageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
