import type { Pool, PoolClient } from 'pg';
import type { CheckpointStore } from '../port';
import { quoteIdentifier } from './schema';

/**
 * Checkpoints in PostgreSQL (the `checkpoints` table beside the events). `storeIn` writes one through a
 * client inside the caller's transaction, so a read model kept in the same database commits with its
 * checkpoint or not at all.
 */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly table: string;
  constructor(
    readonly pool: Pool,
    /** the event store's schema; default public */
    schema = 'public',
  ) {
    this.table = `${quoteIdentifier(schema)}.checkpoints`;
  }
  async load(subscriberId: string): Promise<bigint | undefined> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position::text FROM ${this.table} WHERE subscriber_id = $1`, [subscriberId]);
    const row = rows[0];
    return row === undefined ? undefined : BigInt(row.position);
  }
  async store(subscriberId: string, position: bigint): Promise<void> {
    await this.storeIn(this.pool, subscriberId, position);
  }
  /** stores the checkpoint through `client` (a transaction's client, to commit it with the read model) */
  async storeIn(client: Pool | PoolClient, subscriberId: string, position: bigint): Promise<void> {
    await client.query(
      `INSERT INTO ${this.table} (subscriber_id, position) VALUES ($1, $2) ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position`,
      [subscriberId, String(position)],
    );
  }
}
