import pg from 'pg';

/** the channel `gevinst_append_group` notifies after a group that wrote events; the payload is the schema */
export const appendChannel = 'gevinst_events';

export interface AppendListener {
  close(): Promise<void>;
}

/**
 * Listens for other processes' appends to the same schema (LISTEN/NOTIFY on a connection of its own)
 * and calls `onAppended`, so live subscriptions wake at once instead of at their next poll. Polling
 * stays the safety net: while the connection is down (it is retried every second) nothing is missed,
 * only seen later.
 */
export const listenForAppends = (connectionString: string, schema: string, onAppended: () => void): AppendListener => {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    retry = undefined;
    if (closed) return;
    const connection = new pg.Client({ connectionString });
    const lost = () => {
      if (client === connection) client = undefined;
      connection.end().catch(() => undefined);
      if (!closed && !retry) retry = setTimeout(() => void connect(), 1000).unref();
    };
    connection.on('error', lost);
    connection.on('end', lost);
    connection.on('notification', (message) => {
      if (message.channel === appendChannel && message.payload === schema) onAppended();
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${appendChannel}`);
      if (closed) await connection.end();
      else client = connection;
    } catch {
      lost();
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const connection = client;
      client = undefined;
      await connection?.end().catch(() => undefined);
    },
  };
};
