import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { count, type UploadLimits } from './limits';
import { fileTooLarge } from './refusals';
import type { OpenedZip } from './zipDirectory';

class TooManyRows extends Error {}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Unpacks every entry as a stream, as the file really is rather than as its directory says: an
 * entry that unpacks to more than it declared is refused (yauzl checks each entry's size), and each
 * worksheet's rows with a value are counted as they stream past, stopping at the first row beyond
 * the limit. Returns `unreadable` when an entry is not valid deflate data.
 */
export async function checkZipContents(opened: Extract<OpenedZip, { kind: 'zip' }>, limits: UploadLimits): Promise<'ok' | 'unreadable'> {
  const { zip, raw } = opened;
  try {
    for (const entry of raw) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.fileName)) await countRows(stream, limits.maxRows);
      else for await (const _ of stream);
    }
    return 'ok';
  } catch (error) {
    if (error instanceof TooManyRows)
      throw fileTooLarge(`Filen har for mange rader: over ${count(limits.maxRows)} rader med innhold i ett ark, grensen er ${count(limits.maxRows)}`);
    if (error instanceof Error && /too many bytes|actual uncompressed size/i.test(error.message))
      throw fileTooLarge('Filen kan ikke leses trygt: en del av den pakker ut til mer enn filen selv oppgir');
    return 'unreadable';
  } finally {
    zip.close();
  }
}

async function countRows(stream: Readable, maxRows: number): Promise<void> {
  const parser = new SaxesParser();
  let rows = 0;
  let inRow = false;
  let hasValue = false;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row') {
      inRow = true;
      hasValue = false;
    } else if (inRow && (name === 'v' || name === 'is' || name === 'f')) hasValue = true;
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) !== 'row') return;
    inRow = false;
    if (hasValue && ++rows > maxRows) throw new TooManyRows();
  });
  const decoder = new StringDecoder('utf8');
  // XML the counter cannot follow is left to the workbook reader; the entry is still unpacked to its end
  let counting = true;
  const feed = (text: string, last = false) => {
    if (!counting) return;
    try {
      parser.write(text);
      if (last) parser.close();
    } catch (error) {
      if (error instanceof TooManyRows) throw error;
      counting = false;
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) feed(decoder.write(chunk));
    feed(decoder.end(), true);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
