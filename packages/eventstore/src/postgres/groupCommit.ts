import type { Pool, PoolClient } from 'pg';
import type { AppendResult, ExpectedRevision, IdempotencyRecord } from '../port';
import type { PreparedEvent } from '../sqlite/preparedEvent';
import { groupParameters, settleAppend, type AppendOutcomeRow, type PendingAppend } from './appendToStream';
import { MAX_GROUP_APPENDS } from './schema';

interface Pending extends PendingAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface GroupCommit {
  enqueue(streamName: string, batch: PreparedEvent[], expected: ExpectedRevision, record?: IdempotencyRecord): Promise<AppendResult>;
  /** resolves when every append accepted so far is written (or refused) */
  drain(): Promise<void>;
}

/**
 * Group commit. While one group's transaction runs, the appends made in the meantime queue up; they
 * form the next group (at most MAX_GROUP_APPENDS appends), written by one call of
 * `gevinst_append_group` — one round trip, one transaction, one WAL flush — in which each append has
 * its own subtransaction, so a wrong expected revision fails that append alone.
 *
 * Positions: the function takes a transaction-scoped advisory lock before it reads the last position,
 * and holds it until its transaction commits. So groups (from this process or any other on the
 * database) allocate positions one after another, each after the previous one has committed: a reader
 * never sees a later position before an earlier one, which is what keeps polling subscriptions
 * gap-free. Writers are serialised per group, not per append: the lock is taken once for a whole
 * group, and only one group per process is in flight (appends are written in call order).
 */
export const groupCommit = (options: {
  pool: Pool;
  schema: string;
  /** called after a group that wrote at least one event */
  onAppended: () => void;
}): GroupCommit => {
  const { pool, schema } = options;
  const text = `SELECT outcome, next_revision::text, last_position::text, detail::text FROM ${schema}.gevinst_append_group($1, $2, $3, $4::uuid[], $5, $6, $7, $8, $9::jsonb)`;
  let queue: Pending[] = [];
  let writing: Promise<void> | undefined;
  let client: PoolClient | undefined;
  const released = new WeakSet<PoolClient>();
  /** gives a broken connection back to the pool (destroyed), once */
  const drop = (connection: PoolClient) => {
    if (client === connection) client = undefined;
    if (released.has(connection)) return;
    released.add(connection);
    connection.release(true);
  };

  const writeGroup = async (group: Pending[]) => {
    let rows: AppendOutcomeRow[];
    try {
      if (!client) {
        const connected = await pool.connect();
        // a connection lost while idle between groups: dropped here, the next group takes a new one
        connected.on('error', () => drop(connected));
        client = connected;
      }
      rows = (await client.query<AppendOutcomeRow>({ name: `${schema}.appendGroup`, text, values: groupParameters(group) })).rows;
    } catch (error) {
      // the group's transaction failed whole (server down, connection lost): every append of it is refused.
      // Had the commit gone through before the connection broke, a retry with the same ids answers its result (port.ts).
      if (client) drop(client);
      for (const p of group) p.reject(error);
      return;
    }
    let wrote = false;
    group.forEach((p, i) => {
      try {
        const result = settleAppend(p, rows[i]);
        wrote ||= result.globalPosition >= 0n && p.batch.length > 0;
        p.resolve(result);
      } catch (error) {
        p.reject(error);
      }
    });
    if (wrote) options.onAppended();
  };

  const writeQueued = async () => {
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP_APPENDS);
      queue = queue.slice(group.length);
      await writeGroup(group);
    }
    writing = undefined;
  };

  const schedule = () => {
    // appends made in this tick join the group: start it once the current tick's work is done
    writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(writeQueued);
  };

  return {
    enqueue: (streamName, batch, expected, record) =>
      new Promise<AppendResult>((resolve, reject) => {
        queue.push({ streamName, batch, expected, record, resolve, reject });
        schedule();
      }),
    async drain() {
      while (writing) await writing;
      if (client) {
        released.add(client);
        client.release();
        client = undefined;
      }
    },
  };
};
