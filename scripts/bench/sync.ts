/**
 * Benchmark suite "sync" (issue 7, items 1, 2, 4 and 5):
 * 1. First download and upload of N realistic records (default 10,000) in Chromium: ours = the
 *    app's sync engine + Dexie store + HTTP transport (scripts/bench/browser/ours.ts) against the
 *    real server (SQLite file); the peer = PouchDB 9 browser build (IndexedDB) against
 *    express-pouchdb (in-memory), same machine, same run, each in a fresh browser context.
 * 2. Incremental sync: one changed record, one cycle (push 1 + pull), with 1,000 and 10,000 synced.
 * 4. Local queries in Chromium: search across 2,000 families; open a child with 200 visits.
 * 5. Server as a child process (`node src/server/main.ts`): push and pull throughput, peak RSS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { PULL_PAGE_SIZE, PUSH_BATCH_BYTES, PUSH_BATCH_SIZE } from '../../src/client/sync/engine.ts';
import { type DemoDocument, demoDocuments, generateDemoCaseload } from '../../src/shared/caseload/demo-data.ts';
import { kinds } from '../../src/shared/schemas/all-kinds.ts';
import { SCHEMA_VERSION } from '../../src/shared/version.ts';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium.ts';
import { buildBenchBundle } from './browser/build.ts';
import { BENCH_TODAY, benchDocuments, childVisits } from './browser/data.ts';
import { BENCH_PASSWORD, startBenchServer } from './browser/server.ts';
import {
  type BenchSuite,
  machineInfo,
  machineLine,
  ms,
  type Stats,
  type SuiteContext,
  stats,
  thousands,
} from './lib.ts';
import { startPouchPeer } from './pouch-peer.ts';

/** One sync in the browser (scripts/bench/browser/ours.ts) plus the server's time for its requests. */
type Phases = {
  storeMs: number;
  transportMs: number;
  pushMs: number;
  totalMs: number;
  pushed: number;
  pulled: number;
  /** Per store method (`store.*`), per transport call (`transport.*`) and HTTP step (`http.*`). */
  detail: Record<string, number>;
  /** Time in the server's push and pull handlers (request arrival to answer sent). */
  serverMs: { push: number; pull: number };
};

const root = join(import.meta.dirname, '..', '..');

export function validate(docs: DemoDocument[]): void {
  for (const d of docs) {
    const result = kinds[d.kind].schema.safeParse(d.data);
    if (!result.success) throw new Error(`invalid ${d.kind} ${d.id}: ${result.error.message}`);
  }
}

const median = (values: number[]) => stats(values).medianMs;
const fmtS = (s: Stats) =>
  `${(s.medianMs / 1000).toFixed(2)} | ${(s.minMs / 1000).toFixed(2)} | ${(s.maxMs / 1000).toFixed(2)}`;
const fmtMs = (s: Stats) => `${ms(s.medianMs)} | ${ms(s.minMs)} | ${ms(s.maxMs)}`;

async function openPage(browser: Browser, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'oursBench' in window || 'pouchBench' in window);
  return { page, close: () => context.close() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const vmHwmKb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line?.replace(/\D+/g, '') ?? 0);
};

/** Item 5: the server as its own process; push and pull in the engine's batch and page sizes. */
async function serverThroughput(ctx: SuiteContext, count: number, runs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-child-server-'));
  const { openStore } = await import('../../src/server/store/db.ts');
  const { createUser } = await import('../../src/server/auth/create-user.ts');
  const store = openStore({ dataDir });
  for (let i = 0; i < runs; i += 1)
    await createUser(store.db, { username: `tp${i}`, password: BENCH_PASSWORD, team: `tp-${i}` });
  store.close();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'src/server/main.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('is running at')) resolve();
      });
    });
    const idleRssKb = vmHwmKb(child.pid as number);
    const pushRates: number[] = [];
    const pullRates: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `tp${i}`, password: BENCH_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const docs = benchDocuments(count, 50_000 + i * 97);
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
      let start = performance.now();
      for (const body of bodies) {
        const response = await fetch(`${base}/api/sync/push`, { method: 'POST', headers, body });
        if (!response.ok) throw new Error(`push ${response.status}`);
        await response.json();
      }
      pushRates.push(count / ((performance.now() - start) / 1000));
      start = performance.now();
      let since = '0';
      let pulled = 0;
      for (;;) {
        const response = await fetch(`${base}/api/sync/pull?since=${since}&limit=${PULL_PAGE_SIZE}`, { headers });
        const page = (await response.json()) as { changes: unknown[]; nextSince: string; hasMore: boolean };
        pulled += page.changes.length;
        since = page.nextSince;
        if (!page.hasMore) break;
      }
      if (pulled !== count) throw new Error(`pulled ${pulled} of ${count}`);
      pullRates.push(count / ((performance.now() - start) / 1000));
      ctx.log(
        `  server run ${i + 1}: push ${Math.round(pushRates.at(-1) ?? 0)}/s, pull ${Math.round(pullRates.at(-1) ?? 0)}/s`,
      );
    }
    const peakRssKb = vmHwmKb(child.pid as number);
    return { pushRates, pullRates, idleRssKb, peakRssKb };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(ctx: SuiteContext) {
  const N = ctx.records ?? (ctx.smoke ? 200 : 10_000);
  const runs = ctx.smoke ? 1 : 5;
  const incSizes = ctx.smoke ? [50, 200] : [Math.round(N / 10), N];
  const incRuns = ctx.smoke ? 2 : 7;
  const queryFamilies = ctx.smoke ? 40 : 2000;
  const childVisitCount = ctx.smoke ? 20 : 200;
  const queryRuns = ctx.smoke ? 2 : 15;
  const machine = machineInfo();

  const docs = benchDocuments(N, 1000);
  validate(docs);
  const counts: Record<string, number> = {};
  for (const d of docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  const avgBytes = Math.round(docs.reduce((sum, d) => sum + JSON.stringify(d.data).length, 0) / docs.length);
  ctx.log(`documents: ${JSON.stringify(counts)}, ${avgBytes} bytes of JSON data on average`);

  const ours = await buildBenchBundle('ours');
  const pouch = await buildBenchBundle('pouch');
  const server = await startBenchServer(ours.dir);
  const peer = await startPouchPeer(pouch.dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const oursUrl = `${server.url}/ours.html`;
  const pouchUrl = `${peer.url}/__bench/pouch.html`;
  const pouchDocs = (list: DemoDocument[]) => list.map((d) => ({ _id: d.id, kind: d.kind, data: d.data }));

  try {
    // 1a. First download.
    const token = await server.user('bench', 'bench');
    const seedServerMs = server.seed('bench', docs);
    const peerSeedStart = performance.now();
    const down = peer.db('bench-down');
    for (let i = 0; i < docs.length; i += 1000) await down.bulkDocs(pouchDocs(docs.slice(i, i + 1000)));
    ctx.log(
      `seeded server (push(), ${ms(seedServerMs)} ms) and peer (bulkDocs, ${ms(performance.now() - peerSeedStart)} ms)`,
    );

    const oursDown: Phases[] = [];
    const peerDown: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const a = await openPage(browser, oursUrl);
      server.takeServerMs();
      const phases = {
        ...(await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [token])),
        serverMs: server.takeServerMs(),
      };
      const stored = await a.page.evaluate(() => window.oursBench.count('device'));
      await a.close();
      if (phases.pulled !== N || stored.records !== N)
        throw new Error(`ours downloaded ${phases.pulled}, stored ${stored.records}`);
      oursDown.push(phases);
      const b = await openPage(browser, pouchUrl);
      const result = await b.page.evaluate(() => window.pouchBench.replicate('download', 'device', 'bench-down'));
      await b.close();
      if (result.localDocs !== N) throw new Error(`peer downloaded ${result.localDocs}`);
      peerDown.push(result.ms);
      ctx.log(`  download run ${i + 1}: ours ${ms(phases.totalMs)} ms, peer ${ms(result.ms)} ms`);
    }

    // 1b. Upload of N new records created in the browser.
    const oursUp: Phases[] = [];
    const peerUp: number[] = [];
    const seedOutboxMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const upload = benchDocuments(N, 2000 + i * 31);
      const upToken = await server.user(`up${i}`, `bench-up-${i}`);
      const a = await openPage(browser, oursUrl);
      seedOutboxMs.push(
        await a.page.evaluate(([list]) => window.oursBench.seedOutbox('device', list as never), [upload as unknown]),
      );
      server.takeServerMs();
      const phases = {
        ...(await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [upToken])),
        serverMs: server.takeServerMs(),
      };
      const left = await a.page.evaluate(() => window.oursBench.count('device'));
      await a.close();
      if (phases.pushed !== N || left.outbox !== 0)
        throw new Error(`ours pushed ${phases.pushed}, outbox ${left.outbox}`);
      oursUp.push(phases);
      const b = await openPage(browser, pouchUrl);
      await b.page.evaluate(
        ([list]) => window.pouchBench.seed('device', list as never),
        [pouchDocs(upload) as unknown],
      );
      const result = await b.page.evaluate(
        ([remote]) => window.pouchBench.replicate('upload', 'device', remote as string),
        [`bench-up-${i}`],
      );
      await b.close();
      const remoteCount = (await peer.db(`bench-up-${i}`).info()).doc_count;
      if (remoteCount !== N) throw new Error(`peer uploaded ${remoteCount}`);
      peerUp.push(result.ms);
      ctx.log(`  upload run ${i + 1}: ours ${ms(phases.pushMs)} ms (push phase), peer ${ms(result.ms)} ms`);
    }

    // 2. Incremental: one changed record, one cycle, with S records synced.
    const incremental: { size: number; ours: number[]; peer: number[]; oursPhases: Phases[] }[] = [];
    for (const size of incSizes) {
      const set = size === N ? docs : benchDocuments(size, 3000 + size);
      const incToken = size === N ? token : await server.user(`inc${size}`, `bench-inc-${size}`);
      if (size !== N) server.seed(`inc${size}`, set);
      const remote = `bench-inc-${size}`;
      const peerDb = peer.db(remote);
      for (let i = 0; i < set.length; i += 1000) await peerDb.bulkDocs(pouchDocs(set.slice(i, i + 1000)));
      const visit = set.find((d) => d.kind === 'visit') ?? set.find((d) => d.kind === 'family');
      if (!visit) throw new Error('no record to edit');
      const a = await openPage(browser, oursUrl);
      await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [incToken]);
      const b = await openPage(browser, pouchUrl);
      await b.page.evaluate(([r]) => window.pouchBench.replicate('download', 'device', r as string), [remote]);
      const row = { size, ours: [] as number[], peer: [] as number[], oursPhases: [] as Phases[] };
      for (let k = 0; k < incRuns + 1; k += 1) {
        const patch = visit.kind === 'visit' ? { agreements: `Ændret aftale nr. ${k}.` } : { note: `Ændret ${k}` };
        await a.page.evaluate(
          ([kind, id, p]) => window.oursBench.editOne('device', kind as never, id as string, p as never),
          [visit.kind, visit.id, patch] as const,
        );
        server.takeServerMs();
        const phases = {
          ...(await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [incToken])),
          serverMs: server.takeServerMs(),
        };
        if (phases.pushed !== 1) throw new Error(`incremental pushed ${phases.pushed}`);
        await b.page.evaluate(([id]) => window.pouchBench.editOne('device', id as string), [visit.id]);
        const cycle = await b.page.evaluate(([r]) => window.pouchBench.cycle('device', r as string), [remote]);
        if (k === 0) continue; // warm-up
        row.ours.push(phases.totalMs);
        row.oursPhases.push(phases);
        row.peer.push(cycle.ms);
      }
      await a.close();
      await b.close();
      ctx.log(`  incremental at ${size}: ours median ${ms(median(row.ours))} ms, peer ${ms(median(row.peer))} ms`);
      incremental.push(row);
    }

    // 4. Local queries in Chromium.
    const caseload = generateDemoCaseload({ today: BENCH_TODAY, families: queryFamilies });
    const child = caseload.children[0] as DemoDocument<'child'>;
    const visits = childVisits(child, childVisitCount);
    const queryDocs = [...demoDocuments(caseload), ...visits];
    validate(visits);
    const q = await openPage(browser, oursUrl);
    const fillMs = await q.page.evaluate(
      ([list]) => window.oursBench.fill('queries', list as never),
      [queryDocs as unknown],
    );
    const queries = ['jen', 'sø emma', child.data.cpr.slice(0, 6)];
    const searchRuns: { query: string; hits: number; total: number[]; filter: number[]; read: number[] }[] = [];
    for (const query of queries) {
      const entry = { query, hits: 0, total: [] as number[], filter: [] as number[], read: [] as number[] };
      for (let k = 0; k < queryRuns + 1; k += 1) {
        const r = await q.page.evaluate(([text]) => window.oursBench.search('queries', text as string), [query]);
        if (k === 0) continue;
        entry.hits = r.hits;
        entry.total.push(r.totalMs);
        entry.filter.push(r.filterMs);
        entry.read.push(r.readMs);
      }
      searchRuns.push(entry);
    }
    const openChildMs: number[] = [];
    let childCounts = { contacts: 0, visits: 0 };
    for (let k = 0; k < queryRuns + 1; k += 1) {
      const r = await q.page.evaluate(([id]) => window.oursBench.openChild('queries', id as string), [child.id]);
      childCounts = { contacts: r.contacts, visits: r.visits };
      if (k > 0) openChildMs.push(r.ms);
    }
    await q.close();
    ctx.log(
      `  queries: search (read+index+filter) median ${ms(median(searchRuns[0]?.total ?? [0]))} ms, open child ${ms(median(openChildMs))} ms`,
    );

    // 5. Server throughput and memory (child process).
    const tp = await serverThroughput(ctx, N, ctx.smoke ? 1 : 3);

    return report({
      machine,
      N,
      counts,
      avgBytes,
      smoke: ctx.smoke,
      oursDown,
      peerDown,
      oursUp,
      peerUp,
      seedOutboxMs,
      incremental,
      search: searchRuns,
      openChild: { ms: openChildMs, ...childCounts, families: queryFamilies, fillMs },
      server: tp,
    });
  } finally {
    await browser.close();
    await peer.close();
    await server.close();
    for (const dir of [ours.dir, pouch.dir, server.dataDir]) rmSync(dir, { recursive: true, force: true });
  }
}

type ReportInput = {
  machine: ReturnType<typeof machineInfo>;
  N: number;
  counts: Record<string, number>;
  avgBytes: number;
  smoke: boolean;
  oursDown: Phases[];
  peerDown: number[];
  oursUp: Phases[];
  peerUp: number[];
  seedOutboxMs: number[];
  incremental: { size: number; ours: number[]; peer: number[]; oursPhases: Phases[] }[];
  search: { query: string; hits: number; total: number[]; filter: number[]; read: number[] }[];
  openChild: { ms: number[]; contacts: number; visits: number; families: number; fillMs: number };
  server: { pushRates: number[]; pullRates: number[]; idleRssKb: number; peakRssKb: number };
};

/** The "where the time goes" lines: the phase timers of ours.ts and the server's handler times. */
function breakdown(r: ReportInput): string[] {
  const med = (list: Phases[], pick: (p: Phases) => number) => ms(median(list.map(pick)));
  const at = (key: string) => (p: Phases) => p.detail[key] ?? 0;
  const rest = (call: 'push' | 'pull') => (p: Phases) =>
    (p.detail[`transport.${call}`] ?? 0) -
    (p.detail[`http.${call}.wait`] ?? 0) -
    (p.detail[`http.${call}.body`] ?? 0) -
    (p.detail[`http.${call}.json`] ?? 0);
  const http = (list: Phases[], call: 'push' | 'pull') =>
    `transport ${med(list, at(`transport.${call}`))} (wait ${med(list, at(`http.${call}.wait`))}, of it server ${med(list, (p) => p.serverMs[call])}; body ${med(list, at(`http.${call}.body`))}; JSON.parse ${med(list, at(`http.${call}.json`))}; zod etc. ${med(list, rest(call))})`;
  const down = r.oursDown;
  const up = r.oursUp;
  const perRecord = (total: number) => (total / r.N).toFixed(2);
  return [
    `- Download of ${thousands(r.N)}: total ${med(down, (p) => p.totalMs)}; store: writing the pages ${med(down, at('store.applyPullPage'))}; ${http(down, 'pull')}.`,
    `- Upload of ${thousands(r.N)}, push phase: total ${med(up, (p) => p.pushMs)}; store: reading the outbox ${med(up, at('store.pendingBatch'))}, writing the answers ${med(up, at('store.applyPushResults'))}; ${http(up, 'push')}. The whole cycle, with pulling back the records just pushed (unchanged rows are not rewritten): ${med(up, (p) => p.totalMs)}.`,
    `- Creating the ${thousands(r.N)} records before the upload, through \`recordWriter.create\` (validation, one transaction per record, as a nurse's saves): median ${ms(median(r.seedOutboxMs))} ms, ${perRecord(median(r.seedOutboxMs))} ms per record.`,
    ...r.incremental.map(
      (row) =>
        `- Incremental at ${thousands(row.size)}: total ${med(row.oursPhases, (p) => p.totalMs)}; store ${med(row.oursPhases, (p) => p.storeMs)}; transport ${med(row.oursPhases, (p) => p.transportMs)}, of it server ${med(row.oursPhases, (p) => p.serverMs.push + p.serverMs.pull)}.`,
    ),
  ];
}

function report(r: ReportInput) {
  const downOurs = stats(r.oursDown.map((p) => p.totalMs));
  const downPeer = stats(r.peerDown);
  const upOurs = stats(r.oursUp.map((p) => p.pushMs));
  const upPeer = stats(r.peerUp);
  const downRatio = downOurs.medianMs / downPeer.medianMs;
  const upRatio = upOurs.medianMs / upPeer.medianMs;
  const [inc1, inc2] = r.incremental;
  const incMed = (row: typeof inc1) => (row ? median(row.ours) : Number.NaN);
  const growth = incMed(inc2) / incMed(inc1);
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const rate = (s: number[]) => {
    const x = stats(s);
    return `${thousands(Math.round(x.medianMs))} | ${thousands(Math.round(x.minMs))} | ${thousands(Math.round(x.maxMs))}`;
  };
  const json = {
    machine: r.machine,
    records: r.N,
    counts: r.counts,
    avgDataBytes: r.avgBytes,
    download: { ours: downOurs, peer: downPeer, ratio: downRatio, oursPhases: r.oursDown },
    upload: { ours: upOurs, peer: upPeer, ratio: upRatio, oursPhases: r.oursUp, seedOutboxMs: r.seedOutboxMs },
    incremental: r.incremental.map((row) => ({
      size: row.size,
      ours: stats(row.ours),
      peer: stats(row.peer),
      oursPhases: row.oursPhases,
    })),
    queries: {
      search: r.search.map((s) => ({
        query: s.query,
        hits: s.hits,
        total: stats(s.total),
        read: stats(s.read),
        filter: stats(s.filter),
      })),
      openChild: { ...r.openChild, stats: stats(r.openChild.ms) },
    },
    server: {
      pushPerSecond: stats(r.server.pushRates),
      pullPerSecond: stats(r.server.pullRates),
      idleRssMb: r.server.idleRssKb / 1024,
      peakRssMb: r.server.peakRssKb / 1024,
    },
  };
  const searchWorst = Math.max(...r.search.map((s) => median(s.total)));
  const filterWorst = Math.max(...r.search.map((s) => median(s.filter)));
  const childMed = median(r.openChild.ms);
  const lines = [
    `Run ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- sync\` on: ${machineLine(r.machine)}.`,
    '',
    `Data: ${thousands(r.N)} records from \`scripts/bench/browser/data.ts\` (the demo caseload plus draft visits with an assessment observation each; ${Object.entries(
      r.counts,
    )
      .map(([k, v]) => `${thousands(v)} ${k}`)
      .join(
        ', ',
      )}; ${r.avgBytes} bytes of JSON data per record on average), all validated with the kinds' schemas. Both sides run in the same headless Chromium, one fresh browser context (empty IndexedDB) per run, against servers on 127.0.0.1 in the same run.`,
    '',
    `- **Ours**: the app's \`createSyncEngine\` + \`dexieSyncStore\` + \`httpTransport\` bundled with Vite (\`scripts/bench/browser/ours.ts\`), page served by the real server (Fastify, SQLite file in a temporary DATA_DIR, WAL, synchronous=FULL). The engine's defaults: pull pages of ${thousands(PULL_PAGE_SIZE)} and push batches of ${thousands(PUSH_BATCH_SIZE)} / ${PUSH_BATCH_BYTES / 1024 / 1024} MB (the protocol's maxima, docs/decisions/0011-sync-throughput.md); the next page or batch is requested while the last one is written.`,
    '- **Peer**: PouchDB 9 `pouchdb-browser` (IndexedDB adapter) replicating with express-pouchdb 4 over PouchDB 9 with the in-memory adapter (`scripts/bench/pouch-peer.ts`), `batch_size` 500.',
    "- Download server side seeded through the server's `push()` in batches of 500; the peer by `bulkDocs`. Upload: the records are created in the browser first (ours through `recordWriter.create`, one transaction per record, as the app does; the peer through `bulkDocs`), timed apart (below); timed is our push phase (until the engine asks for the first pull page) against the peer's one-way replication.",
    '',
    '| Measurement | Runs | Median | Min | Max | Target | Met |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    `| (1a) First download, ours (s) | ${downOurs.runs} | ${fmtS(downOurs)} | – | – |`,
    `| (1a) First download, PouchDB peer (s) | ${downPeer.runs} | ${fmtS(downPeer)} | – | – |`,
    `| (1a) Download ratio ours/peer (medians) | – | ${downRatio.toFixed(2)} | – | – | ≤ 0.20 (5× faster) | ${yes(downRatio <= 0.2)} |`,
    `| (1b) Upload, ours, push phase (s) | ${upOurs.runs} | ${fmtS(upOurs)} | – | – |`,
    `| (1b) Upload, PouchDB peer (s) | ${upPeer.runs} | ${fmtS(upPeer)} | – | – |`,
    `| (1b) Upload ratio ours/peer (medians) | – | ${upRatio.toFixed(2)} | – | – | ≤ 0.20 (5× faster) | ${yes(upRatio <= 0.2)} |`,
    ...r.incremental.map((row) => {
      const s = stats(row.ours);
      return `| (2) One changed record, one cycle, ${thousands(row.size)} synced, ours (ms) | ${s.runs} | ${fmtMs(s)} | ≤ 100 ms | ${yes(s.medianMs <= 100)} |`;
    }),
    ...r.incremental.map((row) => {
      const s = stats(row.peer);
      return `| (2) Same, PouchDB peer (push + pull replication) (ms) | ${s.runs} | ${fmtMs(s)} | – | – |`;
    }),
    `| (2) Growth ${thousands(inc1?.size ?? 0)} → ${thousands(inc2?.size ?? 0)} (ratio of medians) | – | ${growth.toFixed(2)} | – | – | ≤ 1.5 | ${yes(growth <= 1.5)} |`,
    ...r.search.map((s) => {
      const t = stats(s.total);
      return `| (4) Search "${s.query}" over ${thousands(r.openChild.families)} families, read from IndexedDB + index + filter (ms, ${s.hits} hits) | ${t.runs} | ${fmtMs(t)} | ≤ 50 ms | ${yes(t.medianMs <= 50)} |`;
    }),
    ...r.search.map((s) => {
      const t = stats(s.filter);
      return `| (4) Search "${s.query}": the filter alone (each keystroke once the list is loaded) (ms) | ${t.runs} | ${fmtMs(t)} | ≤ 50 ms | ${yes(t.medianMs <= 50)} |`;
    }),
    (() => {
      const t = stats(r.openChild.ms);
      return `| (4) Open a child: child, family, ${r.openChild.contacts} contacts, ${r.openChild.visits} visits via recordReader (ms) | ${t.runs} | ${fmtMs(t)} | ≤ 50 ms | ${yes(t.medianMs <= 50)} |`;
    })(),
    `| (5) Server push, records/s (child process, batches of ${thousands(PUSH_BATCH_SIZE)}) | ${r.server.pushRates.length} | ${rate(r.server.pushRates)} | – | – |`,
    `| (5) Server pull, records/s (pages of ${thousands(PULL_PAGE_SIZE)}) | ${r.server.pullRates.length} | ${rate(r.server.pullRates)} | – | – |`,
    `| (5) Server peak RSS (VmHWM) after all runs (MB) | 1 | ${(r.server.peakRssKb / 1024).toFixed(0)} | – | – | – | – |`,
    '',
    'Where the time goes (medians over the runs, ms; timers around the engine\'s two seams in the browser and around the server\'s sync handlers). "Store" is IndexedDB work through Dexie in `dexieSyncStore` (with building the rows); "wait" is from sending a request to its response headers (network and server); "server" is the push or pull handler (body parse, zod, SQLite incl. COMMIT with fsync, JSON answer); "zod etc." is the transport\'s remaining time: the response schema check (and the request\'s JSON.stringify for pushes). The next page or batch is fetched while the last one is written, so the parts add up to more than the total:',
    '',
    ...breakdown(r),
    `- Server (item 5): idle RSS ${(r.server.idleRssKb / 1024).toFixed(0)} MB right after start, peak ${(r.server.peakRssKb / 1024).toFixed(0)} MB after pushing and pulling ${r.server.pushRates.length} × ${thousands(r.N)} records.`,
    `- Queries (item 4): the slowest search median is ${ms(searchWorst)} ms when it reads the family list from IndexedDB first (the family list page does that once, when it opens), ${ms(filterWorst)} ms for the filter on each keystroke; opening the child: ${ms(childMed)} ms. The 2,000-family caseload was stored as pulled records (${ms(r.openChild.fillMs)} ms).`,
  ];
  return { title: `Sync and local queries (${thousands(r.N)} records, Chromium)`, json, markdown: lines.join('\n') };
}

export const suite: BenchSuite = { run };
