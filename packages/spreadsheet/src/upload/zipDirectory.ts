import yauzl from 'yauzl';
import { count, megabytes, type UploadLimits } from './limits';
import { fileTooLarge } from './refusals';

export interface ZipEntryInfo {
  name: string;
  packed: number;
  unpacked: number;
}

/** The parts that hold the plan's cells: they may use the whole unpacked budget. */
export const isCellPart = (name: string) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name) || /(^|\/)sharedStrings\.xml$/i.test(name);

export type OpenedZip = { kind: 'zip'; zip: yauzl.ZipFile; entries: ZipEntryInfo[]; raw: yauzl.Entry[] } | { kind: 'unreadable' };

/**
 * Reads the zip's central directory (nothing is unpacked) and refuses, by the sizes it declares,
 * a file beyond the limits: too many entries, too much unpacked in all, one entry that is not a
 * sheet too large, or an entry packed implausibly tight (a zip bomb). A file that is not a zip is
 * `unreadable` (the import reports it as a problem with the file, as before).
 */
export async function openCheckedZip(bytes: Buffer, limits: UploadLimits): Promise<OpenedZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err ? reject(err) : resolve(z))),
    );
  } catch {
    return { kind: 'unreadable' };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw fileTooLarge(`Filen har for mange deler: ${count(zip.entryCount)} i zip-filen, grensen er ${count(limits.maxEntries)}`);
  }
  const raw: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        raw.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch {
    zip.close();
    return { kind: 'unreadable' };
  }
  const entries = raw.map((e) => ({ name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize }));
  try {
    checkDeclaredSizes(entries, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
  return { kind: 'zip', zip, entries, raw };
}

export function checkDeclaredSizes(entries: ZipEntryInfo[], limits: UploadLimits): void {
  const total = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (total > limits.maxUnzippedBytes) throw fileTooLarge(`Filen er for stor: utpakket ${megabytes(total)}, grensen er ${megabytes(limits.maxUnzippedBytes)}`);
  for (const e of entries) {
    if (!isCellPart(e.name) && e.unpacked > limits.maxOtherEntryBytes)
      throw fileTooLarge(`Filen er for stor: delen «${e.name}» er ${megabytes(e.unpacked)} utpakket, grensen er ${megabytes(limits.maxOtherEntryBytes)}`);
    if (e.unpacked > limits.ratioFloorBytes && e.unpacked > e.packed * limits.maxCompressionRatio) {
      const ratio = Math.round(e.unpacked / Math.max(1, e.packed));
      throw fileTooLarge(`Filen er pakket mistenkelig tett: delen «${e.name}» blir ${count(ratio)} ganger større utpakket, grensen er ${count(limits.maxCompressionRatio)}`);
    }
  }
}
