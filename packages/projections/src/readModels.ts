import type { SnapshotProjection } from './runner/projection';
import type { EventStore } from '@gevinst/eventstore';
import type Database from 'better-sqlite3';
import { AccessRegistry } from './access/AccessRegistry';
import { FollowUpModel } from './actions/FollowUpModel';
import { GoalsModel } from './goals/GoalsModel';
import { CalendarModel } from './calendar/CalendarModel';
import { LedgerProjection } from './ledger/LedgerProjection';
import type { LedgerQuery, OrgView } from '@gevinst/domain/ledger';
import { dueList } from './projects/due';
import { computePortfolio } from '@gevinst/domain/status';
import { PortfolioModel } from './projects/PortfolioModel';
import { ProjectViews } from './projects/views';
import { SqliteCheckpoints } from './runner/checkpoints';
import { ProjectionRunner, type CatchUpProgress, type RestoreOutcome } from './runner/ProjectionRunner';
import { SqliteSnapshots } from './runner/snapshots';
import { osloTodayBy, UnitsRegistry } from './units/UnitsRegistry';
import { ValuationModel } from './valuation/ValuationModel';

export interface ReadModelsOptions {
  store: EventStore;
  /** the SQLite file where checkpoints live (the event store's own connection when it is SQLite) */
  db: Database.Database;
  clock?: () => string;
  onError?: (error: unknown) => void;
  batchSize?: number;
  /** store the read models in `db` and resume from them at start (default true; false rebuilds at every start) */
  snapshots?: boolean;
  /** how often the read models are stored while events flow (ms; default 60 s) */
  snapshotEveryMs?: number;
  /** the store's last position; default: read from `db` when it is the SQLite store's own file */
  head?: () => bigint | undefined;
  onProgress?: (progress: CatchUpProgress) => void;
  onRestore?: (outcome: RestoreOutcome) => void;
  /** told after the models were stored in `db` at a position */
  onSnapshotsStored?: (position: bigint) => void;
}

/** whether the read models hold every event (`current`), and how far they have come otherwise */
export interface ReadModelsStatus {
  status: 'current' | 'catching up';
  position: bigint | undefined;
  head: bigint | undefined;
  percent: number | null;
}

const sqliteHead = (options: ReadModelsOptions): (() => bigint | undefined) | undefined => {
  if ((options.store as { db?: unknown }).db !== options.db) return undefined;
  const stmt = options.db.prepare<[], { head: number | bigint | null }>('SELECT MAX(global_position) AS head FROM events').safeIntegers(true);
  return () => {
    const head = stmt.get()?.head;
    return head === null || head === undefined ? undefined : BigInt(head);
  };
};

/** Every read model of the API, fed by one catch-up subscription. */
export class ReadModels {
  readonly units: UnitsRegistry;
  readonly portfolio = new PortfolioModel();
  readonly ledger = new LedgerProjection();
  readonly access = new AccessRegistry();
  /** realisation actions and risks per benefit */
  readonly followUp = new FollowUpModel();
  readonly goals = new GoalsModel();
  /** the installation's kost/nytte settings (defaults, price indexes) */
  readonly valuation = new ValuationModel();
  /** the årshjul: reporting deadlines */
  readonly calendar = new CalendarModel();
  readonly projects: ProjectViews;
  readonly runner: ProjectionRunner;
  readonly checkpoints: SqliteCheckpoints;
  readonly snapshots: SqliteSnapshots | undefined;
  /** the models the runner feeds, in order */
  readonly models: SnapshotProjection[];
  private readonly clock: () => string;

  constructor(options: ReadModelsOptions) {
    this.clock = options.clock ?? (() => new Date().toISOString());
    // the tree as it stands today by the same clock as the rest of the answers
    this.units = new UnitsRegistry(osloTodayBy(() => this.clock()));
    this.projects = new ProjectViews(this.portfolio, this.ledger, this.clock);
    this.checkpoints = new SqliteCheckpoints(options.db);
    this.snapshots = options.snapshots === false ? undefined : new SqliteSnapshots(options.db);
    // every model keeps a snapshot: one that did not would make every start read from the first event
    this.models = [this.units, this.portfolio, this.ledger, this.access, this.followUp, this.goals];
    this.models.push(this.valuation);
    this.models.push(this.calendar);
    this.runner = new ProjectionRunner({
      store: options.store,
      projections: this.models,
      checkpoints: this.checkpoints,
      onError: options.onError,
      batchSize: options.batchSize,
      snapshots: this.snapshots,
      snapshotEveryMs: options.snapshotEveryMs,
      head: options.head ?? sqliteHead(options),
      onProgress: options.onProgress,
      onRestore: options.onRestore,
      onSnapshotsStored: options.onSnapshotsStored,
    });
  }

  /**
   * takes up the stored read models (or rebuilds them from the first event), reads on to the end of the
   * store, follows it live, and builds the ledger's aggregates; resolves once the models are current
   */
  async start(): Promise<void> {
    await this.runner.start();
    this.ledger.report({});
  }

  status(): ReadModelsStatus {
    const p = this.runner.catchUpProgress();
    if (this.runner.state === 'current' && !p) return { status: 'current', position: this.runner.position, head: this.runner.position, percent: 100 };
    return { status: 'catching up', position: this.runner.position, head: p?.head, percent: p?.percent ?? null };
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  rebuild(): Promise<void> {
    return this.runner.rebuild();
  }

  waitFor(position: bigint): Promise<void> {
    return this.runner.waitFor(position);
  }

  due(owner: string | undefined, at: string) {
    return dueList(this.portfolio, owner, at);
  }

  /** status per unit (at `level`) and tertial: the domain's `computePortfolio` over the ledger facts, judged as of the clock's now */
  portfolioStatus(q: { from: string; to: string; level?: number; org?: OrgView | null }) {
    return computePortfolio(this.ledger.facts, { from: q.from, to: q.to, level: q.level ?? null, org: q.org ?? null, asOf: this.clock() });
  }

  ledgerView(q: LedgerQuery) {
    return this.ledger.ledger(q);
  }
}
