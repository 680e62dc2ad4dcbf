import type { PoolClient } from 'pg';

/** a quoted SQL identifier (the schema name is configurable) */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** the most appends written in one group transaction: each runs in a subtransaction, and PostgreSQL caches 64 per transaction */
export const MAX_GROUP_APPENDS = 60;

/**
 * Tables and the group-append function in one schema (default `public`). Created idempotently under a
 * transaction-scoped advisory lock, so several processes opening one database at once do not race.
 *
 * `events`: one row per event; `global_position` is allocated by `gevinst_append_group` while it holds
 * the store's advisory lock (see groupCommit.ts), so positions are contiguous and become visible in
 * commit order. Data and metadata are kept as the JSON text the store wrote (`text`, not `jsonb`:
 * jsonb reorders keys and cannot hold `\u0000`), so they come back exactly. Names compare byte-wise
 * (COLLATE "C"): the same on every installation, and cheaper index work than a locale's collation.
 * `gevinst_idempotency_keys`: the first answers stored with appends (`AppendOptions.idempotency`), one
 * per (user_id = the record's scope, key).
 */
export const createSchema = async (client: PoolClient, schema: string): Promise<void> => {
  const s = quoteIdentifier(schema);
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('gevinst.schema:' || $1::text))`, [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${s}.events (
        global_position bigint PRIMARY KEY,
        stream_name     text   COLLATE "C" NOT NULL,
        stream_revision bigint NOT NULL,
        category        text   COLLATE "C" NOT NULL,
        event_id        uuid   NOT NULL,
        event_type      text   NOT NULL,
        data            text   NOT NULL,
        metadata        text   NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON ${s}.events (stream_name, stream_revision);
      CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON ${s}.events (event_id);
      CREATE INDEX IF NOT EXISTS events_category ON ${s}.events (category, global_position);
      CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
        subscriber_id text   PRIMARY KEY,
        position      bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.gevinst_idempotency_keys (
        user_id     text        NOT NULL,
        key         text        NOT NULL,
        fingerprint text        NOT NULL,
        result      jsonb       NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
    `);
    // an older signature would stay beside the new one (CREATE OR REPLACE overloads): drop every version
    await client.query(
      `DO $drop$ DECLARE f regprocedure; BEGIN
         FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.proname = 'gevinst_append_group' AND p.pronamespace = $q$${s}$q$::regnamespace LOOP
           EXECUTE 'DROP FUNCTION ' || f;
         END LOOP;
       END $drop$`,
    );
    await client.query(appendGroupFunction(s, schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};

/**
 * One group commit, called as one statement (its own transaction): takes the store's advisory lock
 * (held to commit: positions are handed out in commit order, across every process on the database),
 * then writes each append in its own subtransaction (an EXCEPTION block, PL/pgSQL's SAVEPOINT), so a
 * failing append is rolled back alone. Answers one row per append, in order:
 * - `ok`: next_revision, last_position (-1 when the batch was empty);
 * - `wrong_revision`: detail = the stream's current revision (-1: no stream);
 * - `id_elsewhere`: the first id is stored in another stream;
 * - `id_stored`: detail = the batch index of an id already stored;
 * - `key_stored`: the append's idempotency key (p_keys, one JSON object or null per append) is stored
 *   already: the append is rolled back.
 * A batch whose first id is stored is a retry: it succeeds, writing nothing, when its ids match the
 * stream's events from there on, in order, whatever the expected revision (see port.ts).
 */
const appendGroupFunction = (s: string, schema: string) => `
CREATE OR REPLACE FUNCTION ${s}.gevinst_append_group(
  p_streams text[], p_expected text[], p_counts int[],
  p_ids uuid[], p_id_given boolean[], p_types text[], p_data text, p_metadata text, p_keys jsonb)
RETURNS TABLE (outcome text, next_revision bigint, last_position bigint, detail bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  n_appends int := coalesce(array_length(p_streams, 1), 0);
  a int;
  off int := 0;
  cnt int;
  s text;
  e text;
  cur bigint;
  pos bigint;
  first_stream text;
  first_rev bigint;
  stored_ids uuid[];
  stored_last bigint;
  first_pos bigint;
  pos_before bigint;
  k jsonb;
  answer jsonb;
  -- data and metadata arrive as one text each: appends separated by U+001D, events by U+001E (JSON text never holds either raw)
  all_data text[] := string_to_array(p_data, E'\x1d');
  all_metadata text[] := string_to_array(p_metadata, E'\x1d');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('gevinst.events:${schema.replace(/'/g, "''")}'));
  SELECT ev.global_position INTO pos FROM ${s}.events ev ORDER BY ev.global_position DESC LIMIT 1;
  pos := coalesce(pos, 0);
  first_pos := pos;
  FOR a IN 1..n_appends LOOP
    s := p_streams[a];
    e := p_expected[a];
    cnt := p_counts[a];
    outcome := NULL; next_revision := NULL; last_position := NULL; detail := NULL;
    pos_before := pos;
    BEGIN
      SELECT ev.stream_revision INTO cur FROM ${s}.events ev WHERE ev.stream_name = s ORDER BY ev.stream_revision DESC LIMIT 1;
      cur := coalesce(cur, -1);
      IF cnt > 0 AND p_id_given[off + 1] THEN
        first_stream := NULL;
        SELECT ev.stream_name, ev.stream_revision INTO first_stream, first_rev FROM ${s}.events ev WHERE ev.event_id = p_ids[off + 1];
        IF first_stream IS NOT NULL THEN
          IF first_stream <> s THEN
            outcome := 'id_elsewhere'; detail := 0;
          ELSE
            SELECT array_agg(t.event_id ORDER BY t.stream_revision), max(t.global_position) INTO stored_ids, stored_last
              FROM (SELECT ev.event_id, ev.stream_revision, ev.global_position FROM ${s}.events ev
                     WHERE ev.stream_name = s AND ev.stream_revision >= first_rev ORDER BY ev.stream_revision LIMIT cnt) t;
            IF stored_ids = p_ids[off + 1 : off + cnt] THEN
              outcome := 'ok'; next_revision := first_rev + cnt - 1; last_position := stored_last;
            ELSE
              outcome := 'wrong_revision'; detail := cur;
            END IF;
          END IF;
        END IF;
      END IF;
      IF outcome IS NULL THEN
        IF NOT (e = 'any' OR (e = 'no_stream' AND cur < 0) OR (e = 'stream_exists' AND cur >= 0)
                OR (e NOT IN ('any', 'no_stream', 'stream_exists') AND e::bigint = cur)) THEN
          outcome := 'wrong_revision'; detail := cur;
        ELSIF cnt = 0 THEN
          outcome := 'ok'; next_revision := cur; last_position := -1;
        ELSE
          -- unnest walks the arrays once (a subscript of a text array walks it from the start)
          INSERT INTO ${s}.events (global_position, stream_name, stream_revision, category, event_id, event_type, data, metadata)
            SELECT pos + u.i, s, cur + u.i, split_part(s, '-', 1), u.id, u.type, u.data, u.metadata
              FROM unnest(p_ids[off + 1 : off + cnt], p_types[off + 1 : off + cnt],
                          string_to_array(all_data[a], E'\x1e'), string_to_array(all_metadata[a], E'\x1e'))
                   WITH ORDINALITY AS u(id, type, data, metadata, i);
          pos := pos + cnt;
          outcome := 'ok'; next_revision := cur + cnt; last_position := pos;
        END IF;
      END IF;
      k := p_keys -> (a - 1);
      IF outcome = 'ok' AND jsonb_typeof(k) = 'object' THEN
        answer := k -> 'answer';
        IF k #>> '{fields,nextExpectedRevision}' IS NOT NULL THEN
          answer := answer || jsonb_build_object(k #>> '{fields,nextExpectedRevision}', next_revision::text);
        END IF;
        IF k #>> '{fields,globalPosition}' IS NOT NULL THEN
          answer := answer || jsonb_build_object(k #>> '{fields,globalPosition}', last_position::text);
        END IF;
        INSERT INTO ${s}.gevinst_idempotency_keys (user_id, key, fingerprint, result)
          VALUES (k ->> 'scope', k ->> 'key', k ->> 'fingerprint', answer) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'idempotency key stored already' USING ERRCODE = 'GVK01';
        END IF;
      END IF;
    EXCEPTION WHEN SQLSTATE 'GVK01' THEN
      -- a concurrent request stored the key first: this append's events are rolled back with the block
      pos := pos_before;
      outcome := 'key_stored'; next_revision := NULL; last_position := NULL; detail := NULL;
    WHEN unique_violation THEN
      -- an id of the batch is stored already (the lock rules out a clash of revisions): name the first
      SELECT min(u.i) - 1 INTO detail FROM unnest(p_ids[off + 1 : off + cnt]) WITH ORDINALITY AS u(id, i)
        WHERE EXISTS (SELECT 1 FROM ${s}.events ev WHERE ev.event_id = u.id);
      outcome := 'id_stored'; next_revision := NULL; last_position := NULL;
    END;
    RETURN NEXT;
    off := off + cnt;
  END LOOP;
  -- wakes the subscriptions of every process listening (delivered at commit; see listen.ts)
  IF pos > first_pos THEN
    PERFORM pg_notify('gevinst_events', '${schema.replace(/'/g, "''")}');
  END IF;
END
$fn$;
`;
