/**
 * Benchmark suite "sync" (issue 12 §4, with issue 7's incremental, query and server figures).
 * Every measured page runs in a fresh ON-DISK Chromium profile (scripts/bench/profile.ts).
 * 1. First download and upload of N realistic records (10,000 and 50,000) in Chromium, both sides
 *    in the same run: ours = the app's sync engine + encrypted local store + HTTP transport
 *    (scripts/bench/browser/ours.ts) against the real server (SQLite file, WAL, synchronous=FULL,
 *    compressed answers); the peer = PouchDB 9 (batch_size 1000, adapters "indexeddb" and "idb")
 *    against express-pouchdb over PouchDB's in-memory adapter (scripts/bench/pouch-peer.ts).
 *    Upload is the full cycle the app runs (push, then the pull after it) for both sides.
 * 2. The same at 10,000 under Chromium's network emulation (20 Mbit/s down, 5 up, 50 ms).
 * 3. The app's own first sync (the built app, logged in, worklist mounted) against the engine's.
 * 4. Incremental sync (one changed record), local queries, and the server as a child process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PULL_PAGE_SIZE, PUSH_BATCH_BYTES, PUSH_BATCH_SIZE } from '../../src/client/sync/engine.ts';
import {
  DEMO_NURSES,
  type DemoDocument,
  demoDocuments,
  generateDemoCaseload,
} from '../../src/shared/caseload/demo-data.ts';
import { kinds } from '../../src/shared/schemas/all-kinds.ts';
import { SCHEMA_VERSION } from '../../src/shared/version.ts';
import { buildBenchBundle } from './browser/build.ts';
import { BENCH_TODAY, benchDocuments, childVisits } from './browser/data.ts';
import { choosePinIfAsked } from './browser/pin.ts';
import { BENCH_PASSWORD, startBenchServer } from './browser/server.ts';
import {
  type BenchSuite,
  benchPort,
  machineInfo,
  machineLine,
  ms,
  type Stats,
  type SuiteContext,
  type SuiteResult,
  stats,
  thousands,
} from './lib.ts';
import { startPouchPeer } from './pouch-peer.ts';
import { ensureAppBuild, firstRequestAt, type Network, openProfile, THROTTLED, waitForAppSynced } from './profile.ts';

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

/** A fresh on-disk profile with `url` open and the bench entry loaded. */
async function openPage(url: string, network: Network = 'local') {
  const profile = await openProfile({ network });
  await profile.page.goto(url);
  await profile.page.waitForFunction(() => 'oursBench' in window || 'pouchBench' in window);
  return profile;
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
  const port = await benchPort();
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

type Adapter = 'indexeddb' | 'idb';
type PeerCycle = { ms: number; pushMs: number };
type Scenario = {
  records: number;
  network: Network;
  runs: number;
  download: { ours: Phases[]; peer: Partial<Record<Adapter, number[]>> };
  upload: {
    ours: Phases[];
    peer: Partial<Record<Adapter, PeerCycle[]>>;
    seedOutboxMs: number[];
    singleCreateMs: number[];
  };
};
/** The app's own first sync, from the login click and from its first sync request, to "synced". */
type AppSync = {
  records: number;
  loginToSyncedMs: number[];
  syncMs: number[];
  pulled: number[];
  /** The main thread's long tasks (> 50 ms, PerformanceObserver "longtask") during the sync, summed. */
  longTaskMs: number[];
};

const pouchDocs = (list: DemoDocument[]) => list.map((d) => ({ _id: d.id, kind: d.kind, data: d.data }));

type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;
type AppRun = { loginToSyncedMs: number; syncMs: number; pulled: number; longTaskMs: number };

const addAppRun = (app: AppSync, r: AppRun) => {
  app.loginToSyncedMs.push(r.loginToSyncedMs);
  app.syncMs.push(r.syncMs);
  app.pulled.push(r.pulled);
  app.longTaskMs.push(r.longTaskMs);
};

/** One first sync of the built app in a fresh profile: a new nurse of `team` logs in; to "synced". */
async function appFirstSync(ctx: SuiteContext, server: BenchServer, team: string, N: number, i: number) {
  const username = `app${N}x${i}`;
  await server.user(username, team, DEMO_NURSES[0]);
  const profile = await openProfile();
  const { page } = profile;
  let pulled = 0;
  page.on('response', (response) => {
    if (!response.url().includes('/api/sync/pull') || !response.ok()) return;
    void response
      .json()
      .then((body: { changes?: unknown[] }) => {
        pulled += body.changes?.length ?? 0;
      })
      .catch(() => undefined);
  });
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    Object.assign(window, { benchLongTasks: tasks });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}/`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
  // Page clock throughout: the click, the first sync request (Resource Timing), "synced".
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Log ind' }).click();
  // A first login chooses the PIN (the sync has started meanwhile); then the worklist.
  await choosePinIfAsked(page);
  await page.getByRole('heading', { level: 1, name: 'Mine besøg' }).waitFor({ timeout: 120_000 });
  const done = await waitForAppSynced(page);
  const firstSyncRequest = await firstRequestAt(page, '/api/sync/');
  const longTaskMs = await page.evaluate(
    ([from, to]) =>
      ((window as unknown as { benchLongTasks: [number, number][] }).benchLongTasks ?? [])
        .filter(([start]) => start >= (from as number) && start < (to as number))
        .reduce((sum, [, duration]) => sum + duration, 0),
    [firstSyncRequest, done],
  );
  await page.waitForTimeout(200); // the last page's body read in Node
  await profile.close();
  if (pulled < N) throw new Error(`the app pulled ${pulled} of ${N}`);
  const result: AppRun = { loginToSyncedMs: done - clicked, syncMs: done - firstSyncRequest, pulled, longTaskMs };
  ctx.log(
    `  app first sync ${thousands(N)} run ${i + 1}: ${ms(result.syncMs)} ms from its first sync request (${ms(result.loginToSyncedMs)} ms from the login click; long tasks ${ms(longTaskMs)} ms)`,
  );
  return result;
}

/** The engine alone downloads the team's N records in a fresh profile (the app's reference). */
async function engineDownload(server: BenchServer, url: string, token: string, N: number, network: Network) {
  const a = await openPage(url, network);
  server.takeServerMs();
  const phases: Phases = {
    ...(await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [token])),
    serverMs: server.takeServerMs(),
  };
  const stored = await a.page.evaluate(() => window.oursBench.count('device'));
  await a.close();
  if (phases.pulled !== N || stored.records !== N)
    throw new Error(`ours downloaded ${phases.pulled}, stored ${stored.records}`);
  return phases;
}

/**
 * `--only app`: the app's first sync and the engine's download of the same records, runs
 * interleaved (engine, app, engine, app, ...) so the machine's load moves both alike.
 */
async function runAppOnly(ctx: SuiteContext): Promise<SuiteResult> {
  const sizes = ctx.records ? [ctx.records] : ctx.smoke ? [200] : [10_000];
  const machine = machineInfo();
  const dist = ensureAppBuild(ctx.log);
  const appDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  cpSync(dist, appDir, { recursive: true });
  await buildBenchBundle('ours', appDir);
  const server = await startBenchServer(appDir);
  const rows: { app: AppSync; engine: Phases[] }[] = [];
  try {
    for (const N of sizes) {
      const runs = ctx.smoke ? 1 : N >= 50_000 ? 3 : 5;
      const docs = benchDocuments(N, 1000 + N);
      validate(docs);
      const team = `bench-${N}`;
      const token = await server.user(`down${N}`, team);
      const seedMs = server.seed(`down${N}`, docs);
      ctx.log(`${thousands(N)} records seeded (server push() ${ms(seedMs)} ms)`);
      const row = {
        app: { records: N, loginToSyncedMs: [], syncMs: [], pulled: [], longTaskMs: [] } as AppSync,
        engine: [] as Phases[],
      };
      for (let i = 0; i < runs; i += 1) {
        const phases = await engineDownload(server, `${server.url}/ours.html`, token, N, 'local');
        row.engine.push(phases);
        ctx.log(`  engine download ${thousands(N)} run ${i + 1}: ${ms(phases.totalMs)} ms`);
        addAppRun(row.app, await appFirstSync(ctx, server, team, N, i));
      }
      rows.push(row);
    }
  } finally {
    await server.close();
    for (const dir of [appDir, server.dataDir]) rmSync(dir, { recursive: true, force: true });
  }
  const loadAtEnd = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const cell = (st: Stats) =>
    `${(st.medianMs / 1000).toFixed(2)} (${(st.minMs / 1000).toFixed(2)}–${(st.maxMs / 1000).toFixed(2)})`;
  const summary = rows.map(({ app, engine }) => {
    const appStats = stats(app.syncMs);
    const loginStats = stats(app.loginToSyncedMs);
    const engineStats = stats(engine.map((p) => p.totalMs));
    return {
      records: app.records,
      app: appStats,
      login: loginStats,
      engine: engineStats,
      longTasks: stats(app.longTaskMs),
      ratio: appStats.medianMs / engineStats.medianMs,
    };
  });
  const markdown = [
    `Run ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- sync --only app\` on: ${machineLine(machine)}; ${loadAtEnd} at the end. A partial run: the app's first sync (as in the full suite's table) and the engine's download of the same records, in the same run, runs interleaved.`,
    '',
    '| Records | Runs | App, from its first sync request, s | App, from the login click, s | Engine alone, s | Ratio (app/engine) | Target | Met | App: long tasks during the sync, s |',
    '| ---: | ---: | --- | --- | --- | --- | --- | --- | --- |',
    ...summary.map(
      (r) =>
        `| ${thousands(r.records)} | ${r.app.runs} | ${cell(r.app)} | ${cell(r.login)} | ${cell(r.engine)} | ${r.ratio.toFixed(2)} | ≤ 1.30 | ${r.ratio <= 1.3 ? 'yes' : '**no**'} | ${cell(r.longTasks)} |`,
    ),
    '',
    'Long tasks: the main thread\'s tasks over 50 ms (PerformanceObserver "longtask") that start between the first sync request and "synced", summed: time the engine could not run on that thread.',
  ].join('\n');
  return {
    title: `The app's first sync against the engine alone (${sizes.map(thousands).join(' and ')} records; partial sync run)`,
    json: { machine, loadAtEnd, sizes, summary, appSyncs: rows.map((r) => r.app), engine: rows.map((r) => r.engine) },
    markdown,
  };
}

export async function run(ctx: SuiteContext): Promise<SuiteResult> {
  if (ctx.only === 'app') return runAppOnly(ctx);
  if (ctx.only !== undefined) throw new Error(`the sync suite has no part "${ctx.only}"`);
  const sizes = ctx.records ? [ctx.records] : ctx.smoke ? [200] : [10_000, 50_000];
  const runsFor = (n: number) => (ctx.smoke ? 1 : n >= 50_000 ? 3 : 5);
  const incSizes = ctx.smoke ? [50, 200] : [1_000, 10_000];
  const incRuns = ctx.smoke ? 2 : 3;
  const queryFamilies = ctx.smoke ? 40 : 2000;
  const childVisitCount = ctx.smoke ? 20 : 200;
  const queryRuns = ctx.smoke ? 2 : 10;
  const machine = machineInfo();

  // One server serves the built app and the bench page (a copy of dist plus ours.html).
  const dist = ensureAppBuild(ctx.log);
  const appDir = mkdtempSync(join(tmpdir(), 'bench-app-'));
  cpSync(dist, appDir, { recursive: true });
  await buildBenchBundle('ours', appDir);
  const pouch = await buildBenchBundle('pouch');
  const server = await startBenchServer(appDir);
  const peer = await startPouchPeer(pouch.dir);
  const oursUrl = `${server.url}/ours.html`;
  const pouchUrl = `${peer.url}/__bench/pouch.html`;
  const scenarios: Scenario[] = [];
  const appSyncs: AppSync[] = [];
  const adapterErrors: Partial<Record<Adapter, string>> = {};
  let adapters: Adapter[] = ['indexeddb', 'idb'];
  let best: Adapter = 'indexeddb';
  const counts: Record<string, number> = {};
  let avgBytes = 0;

  try {
    for (const N of sizes) {
      const runs = runsFor(N);
      // Record ids are unique on the server across teams: every data set has its own seed (a seed's
      // top-up uses seed + 7, so seeds never differ by 7).
      const docs = benchDocuments(N, 1000 + N);
      validate(docs);
      if (N === sizes[0]) {
        for (const d of docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
        avgBytes = Math.round(docs.reduce((sum, d) => sum + JSON.stringify(d.data).length, 0) / docs.length);
        ctx.log(`documents: ${JSON.stringify(counts)}, ${avgBytes} bytes of JSON data on average`);
      }
      const team = `bench-${N}`;
      const token = await server.user(`down${N}`, team);
      const seedMs = server.seed(`down${N}`, docs);
      const downRemote = `bench-down-${N}`;
      const downDb = peer.db(downRemote);
      for (let i = 0; i < docs.length; i += 1000) await downDb.bulkDocs(pouchDocs(docs.slice(i, i + 1000)));
      ctx.log(`${thousands(N)} records seeded (server push() ${ms(seedMs)} ms) and on the peer`);

      for (const network of N === sizes[0] ? (['local', 'throttled'] as const) : (['local'] as const)) {
        const sc: Scenario = {
          records: N,
          network,
          runs,
          download: { ours: [], peer: {} },
          upload: { ours: [], peer: {}, seedOutboxMs: [], singleCreateMs: [] },
        };
        const sides = N === sizes[0] && network === 'local' ? adapters : [best];
        for (let i = 0; i < runs; i += 1) {
          const phases = await engineDownload(server, oursUrl, token, N, network);
          sc.download.ours.push(phases);
          const line = [`ours ${ms(phases.totalMs)}`];
          for (const adapter of sides) {
            const b = await openPage(pouchUrl, network);
            try {
              const result = await b.page.evaluate(
                ([ad, r]) => window.pouchBench.replicate('download', 'device', ad as Adapter, r as string),
                [adapter, downRemote],
              );
              if (result.localDocs !== N) throw new Error(`peer (${adapter}) downloaded ${result.localDocs}`);
              sc.download.peer[adapter] = [...(sc.download.peer[adapter] ?? []), result.ms];
              line.push(`${adapter} ${ms(result.ms)}`);
            } catch (error) {
              adapterErrors[adapter] = String(error);
              ctx.log(`  peer adapter ${adapter} failed: ${String(error)}`);
            } finally {
              await b.close();
            }
          }
          ctx.log(`  ${network} download ${thousands(N)} run ${i + 1}: ${line.join(', ')} ms`);
        }
        adapters = adapters.filter((ad) => !adapterErrors[ad]);
        if (N === sizes[0] && network === 'local') {
          // The faster adapter by the download medians runs every other peer row (time on a shared machine).
          const score = (ad: Adapter) => median(sc.download.peer[ad] ?? [Number.POSITIVE_INFINITY]);
          best = adapters.toSorted((x, y) => score(x) - score(y))[0] ?? 'idb';
          ctx.log(`  the faster peer adapter (download): ${best}`);
        }
        // At 50,000 the peer downloads only: its upload there would take most of the run.
        const upSides = N === sizes[0] ? [best] : [];
        for (let i = 0; i < runs; i += 1) {
          const upload = benchDocuments(N, 100_000 + N + i * 31 + (network === 'throttled' ? 500 : 0));
          const name = `up-${N}-${network}-${i}`;
          const upToken = await server.user(name, `team-${name}`);
          const a = await openPage(oursUrl, network);
          const seeded = await a.page.evaluate(
            ([list]) => window.oursBench.seedOutbox('device', list as never),
            [upload as unknown],
          );
          sc.upload.seedOutboxMs.push(seeded.ms);
          sc.upload.singleCreateMs.push(seeded.singleCreateMs);
          server.takeServerMs();
          const phases = {
            ...(await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [upToken])),
            serverMs: server.takeServerMs(),
          };
          const left = await a.page.evaluate(() => window.oursBench.count('device'));
          await a.close();
          if (phases.pushed !== N || left.outbox !== 0 || left.records !== N)
            throw new Error(`ours pushed ${phases.pushed}, outbox ${left.outbox}, records ${left.records}`);
          sc.upload.ours.push(phases);
          const d = (key: string) => ms(phases.detail[key] ?? 0);
          const line = [
            `ours ${ms(phases.totalMs)} (push ${ms(phases.pushMs)}: outbox ${d('store.pendingBatch')}, answers ${d('store.applyPushResults')}, wait ${d('http.push.wait')}, server ${ms(phases.serverMs.push)}; pull ${d('transport.pull')})`,
          ];
          for (const adapter of upSides) {
            const remote = `${name}-${adapter}`;
            const b = await openPage(pouchUrl, network);
            await b.page.evaluate(
              ([ad, list]) => window.pouchBench.seed('device', ad as Adapter, list as never),
              [adapter, pouchDocs(upload) as unknown],
            );
            const cycle = await b.page.evaluate(
              ([ad, r]) => window.pouchBench.cycle('device', ad as Adapter, r as string),
              [adapter, remote],
            );
            await b.close();
            const remoteCount = (await peer.db(remote).info()).doc_count;
            if (remoteCount !== N || cycle.pushed !== N) throw new Error(`peer uploaded ${remoteCount}`);
            await peer.db(remote).destroy();
            sc.upload.peer[adapter] = [...(sc.upload.peer[adapter] ?? []), { ms: cycle.ms, pushMs: cycle.pushMs }];
            line.push(`${adapter} ${ms(cycle.ms)} (push ${ms(cycle.pushMs)})`);
          }
          ctx.log(`  ${network} upload ${thousands(N)} run ${i + 1}: ${line.join(', ')} ms`);
        }
        scenarios.push(sc);
      }

      // The app's own first sync of the same N records (same team), through the real UI.
      const app: AppSync = { records: N, loginToSyncedMs: [], syncMs: [], pulled: [], longTaskMs: [] };
      for (let i = 0; i < runs; i += 1) addAppRun(app, await appFirstSync(ctx, server, team, N, i));
      appSyncs.push(app);
    }

    // Incremental: one changed record, one cycle, with S records synced (ours and the faster peer).
    const incremental: { size: number; ours: number[]; peer: number[]; oursPhases: Phases[] }[] = [];
    for (const size of incSizes) {
      const set = benchDocuments(size, 3000 + size);
      const incToken = await server.user(`inc${size}`, `bench-inc-${size}`);
      server.seed(`inc${size}`, set);
      const remote = `bench-inc-${size}`;
      const peerDb = peer.db(remote);
      for (let i = 0; i < set.length; i += 1000) await peerDb.bulkDocs(pouchDocs(set.slice(i, i + 1000)));
      const visit = set.find((d) => d.kind === 'visit') ?? set.find((d) => d.kind === 'family');
      if (!visit) throw new Error('no record to edit');
      const a = await openPage(oursUrl);
      await a.page.evaluate(([t]) => window.oursBench.sync('device', t as string), [incToken]);
      const b = await openPage(pouchUrl);
      await b.page.evaluate(
        ([ad, r]) => window.pouchBench.replicate('download', 'device', ad as Adapter, r as string),
        [best, remote],
      );
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
        await b.page.evaluate(
          ([ad, id]) => window.pouchBench.editOne('device', ad as Adapter, id as string),
          [best, visit.id],
        );
        const cycle = await b.page.evaluate(
          ([ad, r]) => window.pouchBench.cycle('device', ad as Adapter, r as string),
          [best, remote],
        );
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

    // Local queries in Chromium (engine level; the real families screen is in the startup suite).
    const caseload = generateDemoCaseload({ today: BENCH_TODAY, families: queryFamilies });
    const child = caseload.children[0] as DemoDocument<'child'>;
    const visits = childVisits(child, childVisitCount);
    const queryDocs = [...demoDocuments(caseload), ...visits];
    validate(visits);
    const q = await openPage(oursUrl);
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

    const tp = await serverThroughput(ctx, sizes[0] ?? 10_000, ctx.smoke ? 1 : 3);

    return report({
      machine,
      sizes,
      counts,
      avgBytes,
      smoke: ctx.smoke,
      scenarios,
      appSyncs,
      best,
      adapterErrors,
      incremental,
      search: searchRuns,
      openChild: { ms: openChildMs, ...childCounts, families: queryFamilies, fillMs },
      server: tp,
    });
  } finally {
    await peer.close();
    await server.close();
    for (const dir of [appDir, pouch.dir, server.dataDir]) rmSync(dir, { recursive: true, force: true });
  }
}

type ReportInput = {
  machine: ReturnType<typeof machineInfo>;
  sizes: number[];
  counts: Record<string, number>;
  avgBytes: number;
  smoke: boolean;
  scenarios: Scenario[];
  appSyncs: AppSync[];
  best: Adapter;
  adapterErrors: Partial<Record<Adapter, string>>;
  incremental: { size: number; ours: number[]; peer: number[]; oursPhases: Phases[] }[];
  search: { query: string; hits: number; total: number[]; filter: number[]; read: number[] }[];
  openChild: { ms: number[]; contacts: number; visits: number; families: number; fillMs: number };
  server: { pushRates: number[]; pullRates: number[]; idleRssKb: number; peakRssKb: number };
};

/** The "where the time goes" lines for one scenario: phase timers of ours.ts and the server's handler times. */
function breakdown(sc: Scenario): string[] {
  const med = (list: Phases[], pick: (p: Phases) => number) => ms(median(list.map(pick)));
  const at = (key: string) => (p: Phases) => p.detail[key] ?? 0;
  const rest = (call: 'push' | 'pull') => (p: Phases) =>
    (p.detail[`transport.${call}`] ?? 0) -
    (p.detail[`http.${call}.wait`] ?? 0) -
    (p.detail[`http.${call}.body`] ?? 0) -
    (p.detail[`http.${call}.json`] ?? 0);
  const http = (list: Phases[], call: 'push' | 'pull') =>
    `transport ${med(list, at(`transport.${call}`))} (wait ${med(list, at(`http.${call}.wait`))}, of it server ${med(list, (p) => p.serverMs[call])}; body ${med(list, at(`http.${call}.body`))}; JSON.parse ${med(list, at(`http.${call}.json`))}; the rest: request JSON + gzip, response schema ${med(list, rest(call))})`;
  const down = sc.download.ours;
  const up = sc.upload.ours;
  const n = thousands(sc.records);
  return [
    `- ${n}, ${sc.network}, download: total ${med(down, (p) => p.totalMs)}; store: sealing and writing the pages ${med(down, at('store.applyPullPage'))}; ${http(down, 'pull')}.`,
    `- ${n}, ${sc.network}, upload: the cycle ${med(up, (p) => p.totalMs)}, of it the push phase ${med(up, (p) => p.pushMs)}; store: reading the outbox ${med(up, at('store.pendingBatch'))}, writing the answers ${med(up, at('store.applyPushResults'))}, the pull after it ${med(up, at('store.applyPullPage'))}; ${http(up, 'push')}; pull ${http(up, 'pull')}.`,
    `- ${n}, ${sc.network}: filling the outbox before the upload (not timed in it): median ${ms(median(sc.upload.seedOutboxMs))} ms; the first 200 records one by one through \`recordWriter.create\` (a nurse's save: validation, one sealed segment, one strict-durability IndexedDB transaction) at a median ${ms(median(sc.upload.singleCreateMs))} ms per create, the rest as the same rows and outbox entries in transactions of 500.`,
  ];
}

function report(r: ReportInput) {
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const x = (v: number) => `${v.toFixed(1)}×`;
  const s = (values: number[]) => stats(values);
  const cell = (st: Stats) =>
    `${(st.medianMs / 1000).toFixed(2)} (${(st.minMs / 1000).toFixed(2)}–${(st.maxMs / 1000).toFixed(2)})`;
  const peerOf = (sc: Scenario, ad: Adapter, what: 'download' | 'upload') => {
    const list = what === 'download' ? sc.download.peer[ad] : sc.upload.peer[ad]?.map((c) => c.ms);
    return list && list.length > 0 ? s(list) : undefined;
  };
  const oursOf = (sc: Scenario, what: 'download' | 'upload') =>
    s((what === 'download' ? sc.download.ours : sc.upload.ours).map((p) => p.totalMs));
  const base = r.sizes[0] ?? 0;
  const targetFor = (sc: Scenario, what: 'download' | 'upload') =>
    sc.records !== base ? undefined : sc.network === 'throttled' || what === 'download' ? 5 : 3;

  const rows: string[] = [];
  const json: Record<string, unknown>[] = [];
  for (const sc of r.scenarios) {
    for (const what of ['download', 'upload'] as const) {
      const ours = oursOf(sc, what);
      const target = targetFor(sc, what);
      const bestPeer = peerOf(sc, r.best, what);
      const speedup = bestPeer ? bestPeer.medianMs / ours.medianMs : Number.NaN;
      for (const ad of ['indexeddb', 'idb'] as const) {
        const p = peerOf(sc, ad, what);
        if (!p) continue;
        const f = p.medianMs / ours.medianMs;
        const isBest = ad === r.best;
        rows.push(
          `| ${thousands(sc.records)} | ${sc.network} | ${what === 'upload' ? 'upload (push + pull)' : 'first download'} | ${ours.runs} | ${cell(ours)} | \`${ad}\`${isBest ? ' (faster)' : ''}: ${cell(p)} | ${x(f)} | ${isBest && target ? `≥ ${target}×` : '–'} | ${isBest && target ? yes(f >= target) : '–'} |`,
        );
      }
      json.push({ records: sc.records, network: sc.network, what, ours, speedupOverBestPeer: speedup });
    }
  }
  // Growth 10k → 50k, per record.
  const growth: string[] = [];
  const growthJson: Record<string, unknown>[] = [];
  const small = r.scenarios.find((sc) => sc.network === 'local' && sc.records === base);
  const large = r.scenarios.find((sc) => sc.network === 'local' && sc.records !== base);
  const appSmall = r.appSyncs.find((a) => a.records === base);
  const appLarge = r.appSyncs.find((a) => a.records !== base);
  if (small && large) {
    const line = (name: string, a: number, b: number, peerA?: number, peerB?: number) => {
      const perA = a / small.records;
      const perB = b / large.records;
      const ratio = perB / perA;
      growthJson.push({ name, small: a, large: b, perRecordSmall: perA, perRecordLarge: perB, ratio });
      const peer =
        peerA !== undefined && peerB !== undefined
          ? `${(peerB / 1000).toFixed(2)} s (${((peerB / large.records) * 1000).toFixed(0)} µs/record; ${((peerB / large.records / (peerA / small.records)) * 1).toFixed(2)})`
          : '–';
      return `| ${name} | ${(a / 1000).toFixed(2)} s (${(perA * 1000).toFixed(0)} µs) | ${(b / 1000).toFixed(2)} s (${(perB * 1000).toFixed(0)} µs) | ${ratio.toFixed(2)} | ${peer} | ≤ 1.00 | ${yes(ratio <= 1)} |`;
    };
    growth.push(
      line(
        'first download',
        oursOf(small, 'download').medianMs,
        oursOf(large, 'download').medianMs,
        peerOf(small, r.best, 'download')?.medianMs,
        peerOf(large, r.best, 'download')?.medianMs,
      ),
      line(
        'upload (push + pull)',
        oursOf(small, 'upload').medianMs,
        oursOf(large, 'upload').medianMs,
        peerOf(small, r.best, 'upload')?.medianMs,
        peerOf(large, r.best, 'upload')?.medianMs,
      ),
    );
    if (appSmall && appLarge)
      growth.push(line("the app's first sync", median(appSmall.syncMs), median(appLarge.syncMs)));
  }
  const appRows = r.appSyncs.map((a) => {
    const engine = r.scenarios.find((sc) => sc.network === 'local' && sc.records === a.records);
    const eng = engine ? oursOf(engine, 'download').medianMs : Number.NaN;
    const app = s(a.syncMs);
    const login = s(a.loginToSyncedMs);
    const ratio = app.medianMs / eng;
    return `| ${thousands(a.records)} | ${app.runs} | ${cell(app)} | ${cell(login)} | ${(eng / 1000).toFixed(2)} | ${ratio.toFixed(2)} (${(login.medianMs / eng).toFixed(2)} from the click) | ≤ 1.30 | ${yes(ratio <= 1.3)} |`;
  });
  const rate = (list: number[]) => {
    const st = stats(list);
    return `${thousands(Math.round(st.medianMs))} (${thousands(Math.round(st.minMs))}–${thousands(Math.round(st.maxMs))})`;
  };
  const inc = r.incremental.map((row) => {
    const o = s(row.ours);
    const p = s(row.peer);
    return `| ${thousands(row.size)} | ${o.runs} | ${ms(o.medianMs)} (${ms(o.minMs)}–${ms(o.maxMs)}) | ${ms(p.medianMs)} (${ms(p.minMs)}–${ms(p.maxMs)}) | ≤ 100 ms | ${yes(o.medianMs <= 100)} |`;
  });
  const searchWorst = Math.max(...r.search.map((q) => median(q.total)));
  const filterWorst = Math.max(...r.search.map((q) => median(q.filter)));
  const errors = Object.entries(r.adapterErrors);
  const lines = [
    `Run ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- sync\` on: ${machineLine(r.machine)}.`,
    '',
    `Data: \`scripts/bench/browser/data.ts\` (the demo caseload plus draft visits with an assessment observation each; at ${thousands(base)}: ${Object.entries(
      r.counts,
    )
      .map(([k, v]) => `${thousands(v)} ${k}`)
      .join(
        ', ',
      )}; ${r.avgBytes} bytes of JSON data per record on average), validated with the kinds' schemas. Both sides run in the same run, in the same Chromium build, each measured page in a **fresh on-disk profile** (\`launchPersistentContext\` in a new temporary folder per run, so IndexedDB writes go to files), against servers on 127.0.0.1.`,
    '',
    "- **Ours**: the app's `createSyncEngine` + the encrypted local store (`LocalStore`, AES-GCM sealed segments in IndexedDB, through `localSyncStore`, the app's sync seam) + `httpTransport` (push bodies gzipped with CompressionStream), bundled with Vite (`scripts/bench/browser/ours.ts`); the page is served by the real server (Fastify, SQLite file in a temporary DATA_DIR, WAL, synchronous=FULL: every push and pull page is a durable, fsynced transaction; every pull page is also an audit event; answers brotli-compressed). The data key is made at page start (no password KDF on this path; the app's login is measured in its own table). Engine defaults: pull pages of " +
      `${thousands(PULL_PAGE_SIZE)}, push batches of ${thousands(PUSH_BATCH_SIZE)} / ${PUSH_BATCH_BYTES / 1024 / 1024} MB.`,
    `- **Peer**: PouchDB 9 (\`pouchdb-browser\` with the \`idb\` adapter, and \`pouchdb-adapter-indexeddb\`), \`batch_size\` 1000 and \`batches_limit\` 10, replicating with express-pouchdb 4 over PouchDB 9's **in-memory** adapter (\`scripts/bench/pouch-peer.ts\`): the peer's server writes nothing to disk (no fsync; a LevelDB adapter needs a native build this machine does not do), so its server side is faster than a durable one would be. express-pouchdb gzips its answers; PouchDB sends request bodies uncompressed (it has no option for that). No encryption on the peer side. Both adapters download at ${thousands(base)} on the local network; the faster one there (by the medians) runs every other peer row: \`${r.best}\`. At ${thousands(r.sizes[1] ?? 0)} the peer downloads only (its upload there would take most of the run on this shared machine).${errors.length > 0 ? ` Failed: ${errors.map(([k, v]) => `${k}: ${v}`).join('; ')}.` : ''}`,
    '- **Download**: a fresh profile pulls every record of the team (ours: `syncOnce` with an empty outbox; the peer: one replication from the server). **Upload**: the records are first created in the browser, untimed (ours: 200 through `recordWriter.create`, one strict-durability transaction each as the app saves, the rest as the same rows and outbox entries in transactions of 500; the peer by `bulkDocs` of 1,000), then the timed full cycle the app runs: ours `syncOnce` (push every batch, then the pull that follows, which brings the pushed records back and rewrites none of them); the peer one replication up, then one down.',
    `- **Network**: "local" is 127.0.0.1 without limits; "throttled" is Chromium's network emulation through CDP (\`Network.emulateNetworkConditions\`: ${(THROTTLED.downloadThroughput * 8) / 1e6} Mbit/s down, ${(THROTTLED.uploadThroughput * 8) / 1e6} Mbit/s up, ${THROTTLED.latency} ms latency) on the measured page; it counts the bytes on the wire (compressed).`,
    '',
    '| Records | Network | Measurement | Runs | Ours, s: median (min–max) | Peer, s: median (min–max) | Ours faster by (peer/ours medians) | Target | Met |',
    '| ---: | --- | --- | ---: | --- | --- | ---: | --- | --- |',
    ...rows,
    '',
    `Growth from ${thousands(base)} to ${thousands(large?.records ?? 0)} records (local network; medians; time per record in brackets; "ratio" is time per record at ${thousands(large?.records ?? 0)} over time per record at ${thousands(base)}: at most 1.00 means no worse than linear):`,
    '',
    `| Measurement | Ours at ${thousands(base)} | Ours at ${thousands(large?.records ?? 0)} | Ratio per record | Peer at ${thousands(large?.records ?? 0)} (per record; ratio) | Target | Met |`,
    '| --- | --- | --- | ---: | --- | --- | --- |',
    ...growth,
    '',
    'The app\'s own first sync: the built app (`vite build`, the same server and team, so the same records), a fresh on-disk profile per run, log in through the login form as a nurse; timed until the sync bar says "Alt er synkroniseret" and shows the time of the last sync, with the worklist ("Mine besøg") mounted. "From its first sync request" starts at the first `/api/sync/` request the page makes (login, key setup and escrow are before it); "from the login click" includes the login: the server\'s password check, the Argon2id derivation of the key-wrapping key in the browser and the escrow upload. Compared with the engine\'s download of the same records in the table above (median):',
    '',
    '| Records | Runs | App, from its first sync request, s | App, from the login click, s | Engine alone, s | Ratio (app/engine) | Target | Met |',
    '| ---: | ---: | --- | --- | ---: | --- | --- | --- |',
    ...appRows,
    '',
    "Where the time goes (medians, ms; timers around the engine's two seams in the browser and around the server's sync handlers; the next page or batch is fetched while the last one is written, so parts add up to more than the total):",
    '',
    ...r.scenarios.flatMap(breakdown),
    '',
    `Incremental sync (one changed record, push + pull, the faster peer adapter; local network):`,
    '',
    '| Records synced | Runs | Ours, ms | Peer, ms | Target | Met |',
    '| ---: | ---: | --- | --- | --- | --- |',
    ...inc,
    '',
    `Local queries at engine level (the store filled with ${thousands(r.openChild.families)} demo families, ${ms(r.openChild.fillMs)} ms): search as the family list does it (read families, children, caregivers from the in-memory store through \`recordReader\`, build the index, filter), slowest median ${ms(searchWorst)} ms, of it the filter ${ms(filterWorst)} ms; open a child (child, family, ${r.openChild.contacts} contacts, ${r.openChild.visits} visits) median ${ms(median(r.openChild.ms))} ms. The real families screen is timed in the startup suite.`,
    '',
    `Server as its own process (\`node src/server/main.ts\`, batches of ${thousands(PUSH_BATCH_SIZE)}, pages of ${thousands(PULL_PAGE_SIZE)}, uncompressed requests from Node): push ${rate(r.server.pushRates)} records/s, pull ${rate(r.server.pullRates)} records/s; RSS ${(r.server.idleRssKb / 1024).toFixed(0)} MB idle, peak ${(r.server.peakRssKb / 1024).toFixed(0)} MB.`,
  ];
  return {
    title: `Sync against PouchDB (${r.sizes.map(thousands).join(' and ')} records, Chromium, on-disk profiles)`,
    json: {
      machine: r.machine,
      sizes: r.sizes,
      counts: r.counts,
      avgDataBytes: r.avgBytes,
      bestPeerAdapter: r.best,
      adapterErrors: r.adapterErrors,
      throttled: THROTTLED,
      summary: json,
      growth: growthJson,
      scenarios: r.scenarios,
      appSyncs: r.appSyncs,
      incremental: r.incremental,
      queries: { search: r.search, openChild: r.openChild },
      server: r.server,
    },
    markdown: lines.join('\n'),
  };
}

export const suite: BenchSuite = { run, parts: ['app'] };
