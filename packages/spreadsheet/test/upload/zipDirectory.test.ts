import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { DEFAULT_UPLOAD_LIMITS, uploadLimitsFromEnv } from '../../src/upload/limits';
import { UploadRefused } from '../../src/upload/refusals';
import { checkDeclaredSizes, openCheckedZip } from '../../src/upload/zipDirectory';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UploadRefused);
    return { status: (error as UploadRefused).status, message: (error as UploadRefused).message };
  }
  throw new Error('not refused');
};

async function zipOf(entries: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (let i = 0; i < entries; i++) zip.addBuffer(Buffer.from('x'), `xl/media/image${i}.png`);
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

describe('the zip directory is judged by the sizes it declares, before anything is unpacked', () => {
  it('an entry that is not a sheet may not be large, even when the total is within the limit', () => {
    expect(refusal(() => checkDeclaredSizes([{ name: 'xl/media/image1.png', packed: 11_000_000, unpacked: 12_000_000 }], DEFAULT_UPLOAD_LIMITS))).toEqual({
      status: 413,
      message: 'Filen er for stor: delen «xl/media/image1.png» er 12 MB utpakket, grensen er 10 MB',
    });
    // a worksheet of the same size is fine
    expect(() => checkDeclaredSizes([{ name: 'xl/worksheets/sheet1.xml', packed: 1_000_000, unpacked: 12_000_000 }], DEFAULT_UPLOAD_LIMITS)).not.toThrow();
  });

  it('an entry packed tighter than the ratio limit is a zip bomb; small entries may pack as they like', () => {
    expect(refusal(() => checkDeclaredSizes([{ name: 'xl/worksheets/sheet1.xml', packed: 20_000, unpacked: 30_000_000 }], DEFAULT_UPLOAD_LIMITS)).message).toBe(
      'Filen er pakket mistenkelig tett: delen «xl/worksheets/sheet1.xml» blir 1\u00a0500 ganger større utpakket, grensen er 200',
    );
    expect(() => checkDeclaredSizes([{ name: 'xl/styles.xml', packed: 10, unpacked: 900_000 }], DEFAULT_UPLOAD_LIMITS)).not.toThrow();
  });

  it('too many entries are refused from the directory’s count', async () => {
    await expect(openCheckedZip(await zipOf(11), { ...DEFAULT_UPLOAD_LIMITS, maxEntries: 10 })).rejects.toThrow('Filen har for mange deler: 11 i zip-filen, grensen er 10');
    const ok = await openCheckedZip(await zipOf(10), { ...DEFAULT_UPLOAD_LIMITS, maxEntries: 10 });
    expect(ok.kind === 'zip' && ok.entries.length).toBe(10);
    if (ok.kind === 'zip') ok.zip.close();
  });

  it('bytes that are not a zip are unreadable (the import reports them as before), not refused', async () => {
    expect(await openCheckedZip(Buffer.from('dette er ikke et regneark'), DEFAULT_UPLOAD_LIMITS)).toEqual({ kind: 'unreadable' });
  });
});

describe('limits from the environment', () => {
  it('each GEVINST_IMPORT_* variable replaces its default; a bad value stops start-up naming the variable', () => {
    const limits = uploadLimitsFromEnv({ GEVINST_IMPORT_MAX_BYTES: '1000', GEVINST_IMPORT_MAX_ROWS: '50', GEVINST_IMPORT_MAX_UNZIPPED_BYTES: ' 2000 ' });
    expect(limits).toEqual({ ...DEFAULT_UPLOAD_LIMITS, maxBytes: 1000, maxRows: 50, maxUnzippedBytes: 2000 });
    expect(() => uploadLimitsFromEnv({ GEVINST_IMPORT_MAX_ROWS: '20k' })).toThrow('GEVINST_IMPORT_MAX_ROWS must be a positive whole number, got «20k»');
    expect(uploadLimitsFromEnv({})).toEqual(DEFAULT_UPLOAD_LIMITS);
  });
});
