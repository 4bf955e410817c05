/**
 * GET /api/sync/pull: a page of the team's records after a seq cursor, in commit order. The page
 * is read with LIMIT n+1 so `hasMore` is exact: it terminates also when the remaining count equals
 * the limit (sync guarantee 4). Conflicts share the page and cursor but are listed apart.
 */
import type { Database } from 'better-sqlite3';
import * as z from 'zod/mini';
import { PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX, type PullResponse } from '../../shared/sync/protocol.ts';
import { canonical, recordsAfter } from '../store/records.ts';

/** A decimal query parameter in [min, max]; `fallback` when absent. */
const decimal = (name: string, max: number, fallback: number, error: string) =>
  z._default(
    z.pipe(
      z.string().check(z.regex(/^\d{1,16}$/, { error })),
      z.pipe(
        z.transform(Number),
        z.number().check(z.refine(Number.isSafeInteger, { error: `${name} is out of range` }), z.lte(max, { error })),
      ),
    ),
    fallback,
  );

export const pullQuerySchema = z.object({
  since: decimal('since', Number.MAX_SAFE_INTEGER, 0, 'since must be a cursor from a previous pull (a decimal string)'),
  // Above the maximum is clamped (a client asking for more just gets full pages), not refused.
  limit: z.pipe(
    decimal('limit', 999_999_999, PULL_LIMIT_DEFAULT, 'limit must be a whole number from 1'),
    z.pipe(
      z.number().check(z.gte(1, { error: 'limit must be at least 1' })),
      z.transform((n: number) => Math.min(n, PULL_LIMIT_MAX)),
    ),
  ),
});
export type PullQuery = z.output<typeof pullQuerySchema>;

export function pull(db: Database, teamId: string, query: PullQuery): PullResponse {
  const rows = recordsAfter(db, teamId, query.since, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    changes: page.filter((r) => r.kind !== 'conflict').map(canonical),
    conflicts: page.filter((r) => r.kind === 'conflict').map(canonical),
    nextSince: String(last ? last.seq : query.since),
    hasMore: rows.length > query.limit,
  };
}
