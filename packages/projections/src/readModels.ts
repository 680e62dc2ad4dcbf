import type { EventStore } from '@gevinst/eventstore';
import type Database from 'better-sqlite3';
import { AccessRegistry } from './access/AccessRegistry';
import { GoalsModel } from './goals/GoalsModel';
import { LedgerProjection } from './ledger/LedgerProjection';
import type { LedgerQuery, OrgView } from '@gevinst/domain/ledger';
import { dueList } from './projects/due';
import { computePortfolio } from '@gevinst/domain/status';
import { PortfolioModel } from './projects/PortfolioModel';
import { ProjectViews } from './projects/views';
import { SqliteCheckpoints } from './runner/checkpoints';
import { ProjectionRunner } from './runner/ProjectionRunner';
import { osloTodayBy, UnitsRegistry } from './units/UnitsRegistry';

export interface ReadModelsOptions {
  store: EventStore;
  /** the SQLite file where checkpoints live (the event store's own connection when it is SQLite) */
  db: Database.Database;
  clock?: () => string;
  onError?: (error: unknown) => void;
  batchSize?: number;
}

/** Every read model of the API, fed by one catch-up subscription. */
export class ReadModels {
  readonly units: UnitsRegistry;
  readonly portfolio = new PortfolioModel();
  readonly ledger = new LedgerProjection();
  readonly access = new AccessRegistry();
  readonly goals = new GoalsModel();
  readonly projects: ProjectViews;
  readonly runner: ProjectionRunner;
  readonly checkpoints: SqliteCheckpoints;
  private readonly clock: () => string;

  constructor(options: ReadModelsOptions) {
    this.clock = options.clock ?? (() => new Date().toISOString());
    // the tree as it stands today by the same clock as the rest of the answers
    this.units = new UnitsRegistry(osloTodayBy(() => this.clock()));
    this.projects = new ProjectViews(this.portfolio, this.ledger, this.clock);
    this.checkpoints = new SqliteCheckpoints(options.db);
    this.runner = new ProjectionRunner({
      store: options.store,
      projections: [this.units, this.portfolio, this.ledger, this.access, this.goals],
      checkpoints: this.checkpoints,
      onError: options.onError,
      batchSize: options.batchSize,
    });
  }

  /** rebuilds every read model from the first event, follows the store live, and builds the ledger's aggregates */
  async start(): Promise<void> {
    await this.runner.start();
    this.ledger.report({});
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
