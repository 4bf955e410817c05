/**
 * The lookups the write rules make on every push use an index, never a scan of the team's records:
 * a scan per mutation makes a push slower as the team's journal grows (the sign check once read
 * every record of the team for each signature). Checked with SQLite's own query plan, against the
 * migrated schema, for the exact statements records.ts runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './db.ts';
import { LEDGER_LOOKUPS } from './mutations.ts';
import { RECORD_LOOKUPS } from './records.ts';

const dir = mkdtempSync(join(tmpdir(), 'query-plans-'));
const store = openStore({ dataDir: dir });
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string) => {
  const params = [...sql.matchAll(/\?/g)].map((_, i) => `p${i}`);
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
};

describe('record lookups of the write rules', () => {
  for (const [name, sql] of Object.entries(RECORD_LOOKUPS)) {
    it(`${name} searches an index (no scan of the records table)`, () => {
      const steps = plan(sql);
      const onRecords = steps.filter((s) => /\brecords\b|\br\b/.test(s));
      expect(onRecords.length).toBeGreaterThan(0);
      for (const step of onRecords) {
        expect(step).toMatch(/^SEARCH .* USING (COVERING )?INDEX/);
        // A search by team alone reads every record of the team: not an index lookup.
        expect(step).not.toMatch(/\(team_id=\?\)$/);
      }
    });
  }
});

describe('the ledger lookup of a push', () => {
  it('finds a request’s mutationIds by the primary key, not by a scan of the ledger', () => {
    const steps = plan(LEDGER_LOOKUPS.ledgerHolds).filter((s) => /\bmutations\b/.test(s));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(
      /^SEARCH mutations USING (COVERING )?INDEX sqlite_autoindex_mutations_1 \(mutation_id=\?\)/,
    );
  });
});
