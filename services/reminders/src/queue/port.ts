import type { ReminderKind } from '../schedule/state';

/** One delayed job per reminder; its id is `jobIdOf(benefitId, period, kind)`. */
export interface ReminderJobData {
  benefitId: string;
  period: string;
  kind: ReminderKind;
  /** epoch ms (on the reminders' clock) at which it should run */
  runAt: number;
  /**
   * Identifies this job instance. The claim event carries it, so a retry or a redelivery of the same
   * job may finish a delivery it claimed, while any other job for the reminder finds it taken.
   */
  deliveryId: string;
}

export type JobOutcome =
  | { status: 'sent' }
  | { status: 'skipped'; reason: string }
  /** not due yet after all (the plan moved): run again at `runAt` */
  | { status: 'later'; runAt: number };

export interface AttemptInfo {
  /** 1-based */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler = (job: ReminderJobData, attempt: AttemptInfo) => Promise<JobOutcome>;
/** Called once when a job has failed its last attempt, before it is parked as failed. */
export type FinalFailureHandler = (job: ReminderJobData, error: Error, attempts: number) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  /** exponential: backoffMs, 2×backoffMs, 4×… (real milliseconds, also with a fake clock) */
  backoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 8, backoffMs: 5_000 };

export interface WorkerOptions {
  concurrency?: number;
}

export interface QueueWorker {
  /** `force`: stop at once without waiting for running jobs (they are redelivered later) */
  close(force?: boolean): Promise<void>;
}

export interface QueueCounts {
  /** waiting for their time */
  delayed: number;
  /** ready or running */
  busy: number;
  failed: number;
}

export interface ReminderQueue {
  readonly backend: 'bullmq' | 'embedded';
  /** Adds the jobs that do not exist yet; a job already there keeps its time unless `replace`. */
  plan(jobs: ReminderJobData[], options?: { replace?: boolean }): Promise<void>;
  /** Removes waiting/delayed jobs; a running one finishes (the worker re-checks what is due). */
  unplan(jobIds: string[]): Promise<void>;
  /**
   * The scheduler's checkpoint, kept in the queue's own storage: if the checkpoint survived, so did
   * the jobs planned before it was written; if the storage was lost, both are gone together.
   */
  loadCheckpoint(key: string): Promise<bigint | undefined>;
  storeCheckpoint(key: string, position: bigint): Promise<void>;
  /** The storage came back empty (Redis restarted without its data): everything must be planned again. */
  onReset(listener: () => void): void;
  startWorker(handler: JobHandler, onFinalFailure: FinalFailureHandler, options?: WorkerOptions): QueueWorker;
  counts(): Promise<QueueCounts>;
  /** the jobs not taken by a worker yet (delayed, waiting or waiting to retry), for operators and tests */
  pending(): Promise<{ jobId: string; runAt: number }[]>;
  close(): Promise<void>;
}
