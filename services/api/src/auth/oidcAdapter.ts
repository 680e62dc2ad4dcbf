import type Database from 'better-sqlite3';
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Row {
  payload: string;
  consumed_at: number | null;
}

/** oidc-provider's storage (sessions, grants, codes, tokens, interactions) in the SQLite file. */
export const sqliteOidcAdapter = (db: Database.Database) => {
  db.exec(`CREATE TABLE IF NOT EXISTS oidc_models (
    model TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL,
    grant_id TEXT, user_code TEXT, uid TEXT, expires_at INTEGER, consumed_at INTEGER,
    PRIMARY KEY (model, id))`);
  db.exec('CREATE INDEX IF NOT EXISTS oidc_models_grant ON oidc_models (grant_id)');
  db.exec('CREATE INDEX IF NOT EXISTS oidc_models_uid ON oidc_models (model, uid)');
  db.prepare('DELETE FROM oidc_models WHERE expires_at IS NOT NULL AND expires_at < ?').run(Date.now());

  const upsert = db.prepare(`INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at, consumed_at)
    VALUES (@model, @id, @payload, @grantId, @userCode, @uid, @expiresAt, NULL)
    ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
      user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`);
  const byId = db.prepare<[string, string, number], Row>(
    'SELECT payload, consumed_at FROM oidc_models WHERE model = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const byUid = db.prepare<[string, string, number], Row>(
    'SELECT payload, consumed_at FROM oidc_models WHERE model = ? AND uid = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const byUserCode = db.prepare<[string, string, number], Row>(
    'SELECT payload, consumed_at FROM oidc_models WHERE model = ? AND user_code = ? AND (expires_at IS NULL OR expires_at > ?)',
  );
  const consume = db.prepare('UPDATE oidc_models SET consumed_at = ? WHERE model = ? AND id = ?');
  const destroy = db.prepare('DELETE FROM oidc_models WHERE model = ? AND id = ?');
  const revokeGrant = db.prepare('DELETE FROM oidc_models WHERE grant_id = ?');

  const parse = (row: Row | undefined): AdapterPayload | undefined =>
    row ? { ...(JSON.parse(row.payload) as AdapterPayload), ...(row.consumed_at ? { consumed: Math.floor(row.consumed_at / 1000) } : {}) } : undefined;

  return (model: string): Adapter => ({
    upsert(id, payload, expiresIn) {
      upsert.run({
        model,
        id,
        payload: JSON.stringify(payload),
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null,
      });
      return Promise.resolve();
    },
    find(id) {
      return Promise.resolve(parse(byId.get(model, id, Date.now())));
    },
    findByUid(uid) {
      return Promise.resolve(parse(byUid.get(model, uid, Date.now())));
    },
    findByUserCode(userCode) {
      return Promise.resolve(parse(byUserCode.get(model, userCode, Date.now())));
    },
    consume(id) {
      consume.run(Date.now(), model, id);
      return Promise.resolve();
    },
    destroy(id) {
      destroy.run(model, id);
      return Promise.resolve();
    },
    revokeByGrantId(grantId) {
      revokeGrant.run(grantId);
      return Promise.resolve();
    },
  });
};
