import { createHash } from 'node:crypto';
import type { PlanRow } from '../plan/planRow';

/**
 * sha256 of what the file says (its rows as read, with their row numbers), hex: the same file gives
 * the same hash, and so does the same file saved again by Excel (which changes its bytes, not its rows).
 */
export const contentHash = (rows: readonly { row: number; value: PlanRow }[]): string =>
  createHash('sha256')
    .update(JSON.stringify(rows.map((r) => [r.row, rowFingerprint(r.value)])))
    .digest('hex');

/**
 * A stable key for one imported row: the same project, file and row always give the same key, so
 * the API's idempotency answers a second import of the file with the first answer and writes nothing.
 */
export function importKey(projectId: string, fileHash: string, row: number, what = 'plan'): string {
  return `import:${projectId}:${fileHash.slice(0, 32)}:${row}:${what}`;
}

/**
 * Canonical text of a row's content (for comparing plans). A row without shares reads as before the
 * «Delt med» column existed, so a file imported then has the same hash (and keys) now.
 */
export const rowFingerprint = ({ sharedWith, goals, ...row }: PlanRow): string =>
  JSON.stringify({
    ...row,
    plan: [...row.plan].sort((a, b) => a.period.localeCompare(b.period)),
    ...(sharedWith.length > 0 ? { sharedWith } : {}),
    ...(goals.length > 0 ? { goals } : {}),
  });
