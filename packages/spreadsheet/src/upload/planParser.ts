import { Worker } from 'node:worker_threads';
import { unreadableWorkbook, type ParsedPlan } from '../read/parsePlanWorkbook';
import { megabytes, type UploadLimits } from './limits';
import { fileTooLarge, importBusy, UploadRefused } from './refusals';
import type { WorkerAnswer } from './readInWorker';
import { openCheckedZip } from './zipDirectory';

const WORKER = new URL('./parseWorker.mjs', import.meta.url);
/** an idle worker is stopped after this */
const IDLE_MS = 60_000;

/**
 * Reads uploaded plans off the event loop, in worker threads (a heap capped by `workerMemoryMb`;
 * a read still going after `timeoutMs` is stopped with its worker), at most `concurrency` at once
 * and `maxQueued` waiting; beyond that `import_busy` (503). A worker is started on first need (tsx
 * and exceljs take it ~1–2 s) and kept for the next plan; one that failed is replaced. Before a file
 * waits for a worker its zip directory is checked here (milliseconds), so a file whose declared
 * sizes are beyond the limits never takes one.
 */
export class PlanParser {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();

  constructor(readonly limits: UploadLimits) {}

  /** plans being read and waiting, for tests and logs */
  get load(): { active: number; waiting: number; workers: number } {
    return { active: this.active, waiting: this.waiting.length, workers: this.all.size };
  }

  readonly parse = async (bytes: Uint8Array): Promise<ParsedPlan> => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const opened = await openCheckedZip(buffer, this.limits);
    if (opened.kind === 'unreadable') return unreadableWorkbook();
    opened.zip.close();
    await this.slot();
    try {
      return await this.inWorker(bytes);
    } finally {
      this.release();
    }
  };

  /** stops every worker (a read in progress is refused as failed) */
  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private async slot(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return;
    }
    if (this.waiting.length >= this.limits.maxQueued) throw importBusy(Math.max(1, Math.ceil(this.limits.timeoutMs / 1000)));
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes on
    else this.active--;
  }

  private worker(): Worker {
    const idle = this.idle.pop();
    if (idle) {
      clearTimeout(this.idleTimers.get(idle));
      this.idleTimers.delete(idle);
      return idle;
    }
    const worker = new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerMemoryMb, maxYoungGenerationSizeMb: Math.min(32, this.limits.workerMemoryMb) },
    });
    this.all.add(worker);
    // A worker stopped at its time limit may still run out of memory while it is being terminated;
    // the read has been answered by then, and an 'error' with no listener would end the whole process.
    worker.on('error', () => {});
    worker.once('exit', () => {
      this.all.delete(worker);
      clearTimeout(this.idleTimers.get(worker));
      this.idleTimers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }

  private inWorker(bytes: Uint8Array): Promise<ParsedPlan> {
    const copy = new Uint8Array(bytes); // its own ArrayBuffer, moved to the worker rather than cloned
    const { limits } = this;
    const worker = this.worker();
    worker.ref();
    return new Promise<ParsedPlan>((resolve, reject) => {
      const settle = (fn: () => void, keep: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep) {
          worker.unref(); // an idle worker does not keep the process alive
          this.idle.push(worker);
          // nor its memory for long
          this.idleTimers.set(worker, setTimeout(() => void worker.terminate(), IDLE_MS).unref());
        } else void worker.terminate();
        fn();
      };
      const timer = setTimeout(
        () => settle(() => reject(fileTooLarge(`Filen tok for lang tid å lese (over ${Math.round(limits.timeoutMs / 1000)} sekunder). Del planen i mindre filer`)), false),
        limits.timeoutMs,
      );
      const onMessage = (answer: WorkerAnswer) =>
        settle(() => (answer.kind === 'parsed' ? resolve(answer.parsed) : reject(new UploadRefused(answer.status, answer.code, answer.message))), true);
      const onError = (error: Error & { code?: string }) =>
        settle(
          () =>
            reject(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? fileTooLarge(`Filen er for stor til å lese: den trenger mer enn ${megabytes(limits.workerMemoryMb * 1e6)} minne`)
                : error,
            ),
          false,
        );
      const onExit = (code: number) => settle(() => reject(new Error(`the plan reader stopped (exit code ${code}) before it answered`)), false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ bytes: copy, limits }, [copy.buffer]);
    });
  }
}
