/**
 * The server's own costs at a team's scale, in process over real HTTP against a SQLite file:
 * pushing N creates (the engine's batch size), a first sync of N records by a second device
 * (the engine's page size; each page is also an audit event filed by family), and the database
 * size per 10,000 records, split into records, mutation ledger, field metadata and audit events.
 * Usage: node scripts/bench.ts server [--records N] [--smoke]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth/create-user.ts';
import { openStore } from '../../src/server/store/db.ts';
import { SCHEMA_VERSION } from '../../src/shared/version.ts';
import { benchDocuments } from './browser/data.ts';
import {
  type BenchSuite,
  benchPort,
  machineInfo,
  machineLine,
  ms,
  type SuiteContext,
  stats,
  thousands,
} from './lib.ts';

const PUSH_BATCH_SIZE = 100;
const PULL_PAGE_SIZE = 500;
const PASSWORD = 'Bench-Password-2026!';

type Sizes = {
  recordsData: number;
  fieldMeta: number;
  ledgerPayload: number;
  ledgerResult: number;
  auditEvents: number;
  auditFamilyRows: number;
};

function sizes(db: ReturnType<typeof openStore>['db']): Sizes {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const one = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  const has = (table: string) => one(`SELECT count(*) AS n FROM sqlite_master WHERE name = '${table}'`) > 0;
  return {
    recordsData: one('SELECT sum(length(data)) AS n FROM records'),
    fieldMeta: one('SELECT sum(length(field_meta)) AS n FROM records'),
    ledgerPayload: one('SELECT sum(length(payload)) AS n FROM mutations'),
    ledgerResult: one('SELECT sum(length(result)) AS n FROM mutations'),
    auditEvents: has('audit_events') ? one('SELECT count(*) AS n FROM audit_events') : 0,
    auditFamilyRows: has('audit_event_families') ? one('SELECT count(*) AS n FROM audit_event_families') : 0,
  };
}

async function once(count: number, seed: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const store = openStore({ dataDir });
  await createUser(store.db, { username: 'writer', password: PASSWORD, team: 'Bench' });
  await createUser(store.db, { username: 'reader', password: PASSWORD, team: 'Bench' });
  const app = await buildApp({ store, config: { logLevel: 'silent', tokenTtlDays: 30 }, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: await benchPort() });
  try {
    const token = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    const writer = await token('writer');
    const docs = benchDocuments(count, seed);
    const deviceId = randomUUID();
    const bodies: string[] = [];
    for (let k = 0; k < docs.length; k += PUSH_BATCH_SIZE) {
      const mutations = docs.slice(k, k + PUSH_BATCH_SIZE).map((d, j) => ({
        mutationId: randomUUID(),
        clientSeq: k + j + 1,
        kind: d.kind,
        id: d.id,
        op: 'create',
        baseRev: 0,
        data: d.data,
      }));
      bodies.push(JSON.stringify({ deviceId, schemaVersion: SCHEMA_VERSION, mutations }));
    }
    const headers = (t: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${t}` });
    let start = performance.now();
    for (const body of bodies) {
      const response = await fetch(`${base}/api/sync/push`, { method: 'POST', headers: headers(writer), body });
      if (!response.ok) throw new Error(`push ${response.status}`);
      await response.json();
    }
    const pushMs = performance.now() - start;
    const reader = await token('reader');
    start = performance.now();
    let since = '0';
    let pulled = 0;
    for (;;) {
      const response = await fetch(`${base}/api/sync/pull?since=${since}&limit=${PULL_PAGE_SIZE}`, {
        headers: headers(reader),
      });
      const page = (await response.json()) as { changes: unknown[]; nextSince: string; hasMore: boolean };
      pulled += page.changes.length;
      since = page.nextSince;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - start;
    if (pulled !== count) throw new Error(`pulled ${pulled} of ${count}`);
    const detail = sizes(store.db);
    const fileBytes = statSync(store.path).size;
    return { pushMs, pullMs, fileBytes, ...detail };
  } finally {
    await app.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(ctx: SuiteContext) {
  const count = ctx.records ?? (ctx.smoke ? 200 : 10_000);
  const runs = ctx.smoke ? 1 : 3;
  const results: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < runs; i += 1) {
    results.push(await once(count, 2000 + i * 31));
    const r = results.at(-1);
    ctx.log(
      `  run ${i + 1}: push ${ms(r?.pushMs ?? 0)} ms, first sync ${ms(r?.pullMs ?? 0)} ms, file ${thousands(r?.fileBytes ?? 0)} B`,
    );
  }
  const push = stats(results.map((r) => r.pushMs));
  const pull = stats(results.map((r) => r.pullMs));
  const last = results.at(-1) ?? results[0];
  const per10k = (bytes: number) => thousands(Math.round((bytes * 10_000) / count));
  const machine = machineInfo();
  const markdown = [
    `${machineLine(machine)}; ${thousands(count)} records, ${runs} runs (median).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| push ${thousands(count)} creates (batches of ${PUSH_BATCH_SIZE}) | ${ms(push.medianMs)} ms (${thousands(Math.round(count / (push.medianMs / 1000)))}/s) |`,
    `| first sync, pull ${thousands(count)} (pages of ${PULL_PAGE_SIZE}, audited) | ${ms(pull.medianMs)} ms (${thousands(Math.round(count / (pull.medianMs / 1000)))}/s) |`,
    `| database file per 10,000 records | ${per10k(last?.fileBytes ?? 0)} B |`,
    `| record data / field metadata per 10,000 | ${per10k(last?.recordsData ?? 0)} B / ${per10k(last?.fieldMeta ?? 0)} B |`,
    `| ledger payload / result per 10,000 | ${per10k(last?.ledgerPayload ?? 0)} B / ${per10k(last?.ledgerResult ?? 0)} B |`,
    `| audit events / family rows for the first sync | ${last?.auditEvents ?? 0} / ${last?.auditFamilyRows ?? 0} |`,
  ].join('\n');
  return {
    title: 'Server: push, first sync and database size',
    json: { count, runs, machine, push, pull, results },
    markdown,
  };
}

export const suite: BenchSuite = { run };
