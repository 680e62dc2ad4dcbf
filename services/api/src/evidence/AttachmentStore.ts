import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A stored file: its SHA-256 (hex), which is also its address, and its size. */
export interface StoredAttachment {
  sha256: string;
  sizeBytes: number;
}

/** The upload was larger than allowed; nothing was kept. */
export class AttachmentTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

/** Files kept outside the event log, content-addressed: the same bytes are stored once. */
export interface AttachmentStore {
  /** reads the stream to its end, counting as it goes; more than `maxBytes` → AttachmentTooLarge, and nothing kept */
  put(content: Readable, maxBytes: number): Promise<StoredAttachment>;
  /** the stored file's bytes, or null when there is none */
  open(sha256: string): { stream: ReadStream; sizeBytes: number } | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The files in a folder (next to the SQLite file): `<dir>/<first two hex>/<sha256>`, written via a temp file and a rename. */
export const fileAttachmentStore = (dir: string): AttachmentStore => {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    async put(content, maxBytes) {
      const incoming = join(dir, '.incoming');
      mkdirSync(incoming, { recursive: true });
      const temp = join(incoming, randomUUID());
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const bounded = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sizeBytes += chunk.length;
          if (sizeBytes > maxBytes) return done(new AttachmentTooLarge(maxBytes));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const file = createWriteStream(temp, { flags: 'wx' });
      try {
        await pipeline(content, bounded, file);
      } catch (error) {
        // the file is opened asynchronously: removed before its open completes, it would come back
        if (!file.closed) await new Promise<void>((closed) => file.once('close', () => closed()));
        rmSync(temp, { force: true });
        throw error;
      }
      const sha256 = hash.digest('hex');
      const target = pathOf(sha256);
      if (existsSync(target)) rmSync(temp, { force: true });
      else {
        mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
        renameSync(temp, target);
      }
      return { sha256, sizeBytes };
    },
    open(sha256) {
      // the id comes from a URL: only a SHA-256 names a file here
      if (!SHA256.test(sha256)) return null;
      const path = pathOf(sha256);
      if (!existsSync(path)) return null;
      return { stream: createReadStream(path), sizeBytes: statSync(path).size };
    },
  };
};
