/**
 * The model behind the sync property tests (sync-protocol.md, "How to test it"): a real server
 * (Fastify + SQLite file), 2–4 simulated tablets of users in one team (plus, sometimes, a tablet of
 * another team) that create, edit, delete, resolve conflicts and sync through a faulty transport.
 * The invariants read the server's own tables (records and the mutation ledger) and each device's
 * IndexedDB, so they check the guarantees themselves, not a re-implementation of the server.
 *
 * Always (after every step):
 *  (a) no lost writes: every save queues exactly the changed fields; every mutation a device queued
 *      is in its outbox (pending or rejected) or in the server's ledger, exactly once, with the
 *      payload as queued; a rejected one stays in the outbox, shown.
 *  (b) exactly-once effect: a record's rev counts its accepted writes in the ledger (a no-op
 *      acknowledgement, e.g. deleting a deleted record, repeats the current rev and adds none),
 *      and the record equals the ledger's answer for its latest rev.
 *  (c) a device's checkpoint never decreases and never passes the server's last seq, nor its own
 *      data: every team record at or below it is held at its current rev unless the device still
 *      has its own change of it in the outbox.
 *  (d) no device row is newer than the server's record, or belongs to another team.
 *  (g) no conflict is against the conflicting device's own write (guarantee 3, second sentence).
 *  (h) honest base: when a device queues an edit or delete based on rev r, its copy of every field
 *      it has not itself changed equals the server's record at rev r. Otherwise the server, which
 *      decides merge versus conflict from baseRev, would let the change silently overwrite a change
 *      the person never saw (guarantee 3, first sentence).
 * At quiescence (faults off, every outbox drained, every device synced once more):
 *  (e) convergence: no pending changes are left; each device has pulled up to its team's last seq
 *      and holds exactly its team's server records (families and conflicts: id, kind, rev, deleted,
 *      data), apart from its own rejected creates, which stay local.
 *  (f) every value any device wrote is in the server record, or in a conflict (its `mine`) that
 *      every device of the team holds, or was overwritten by a later accepted write in the ledger;
 *      an accepted delete left the record deleted; an accepted resolution left the conflict resolved.
 *  (i) each record's shown sync state is right: conflict while an open conflict names it,
 *      rejected while the server refused its change, synced otherwise.
 *  (j) each device's encrypted store, read back from IndexedDB by a second instance, holds exactly
 *      what its memory holds (rows and outbox).
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { LocalRow as LocalRecord } from '../../../src/client/db/state.ts';
import { findMutation } from '../../../src/server/store/mutations.ts';
import type { RecordRow } from '../../../src/server/store/records.ts';
import { familySchema } from '../../../src/shared/schemas/family.ts';
import type { Mutation, MutationResult } from '../../../src/shared/sync/protocol.ts';
import { type Device, openDevice } from './client-device.ts';
import {
  defaultProbabilities,
  type Fault,
  type FaultProbabilities,
  type FaultyTransport,
  faultKinds,
  faultyTransport,
  isInjectedFault,
} from './faulty-transport.ts';
import { addUser, login, startTestServer, type TestServer } from './server-app.ts';

// ---------------------------------------------------------------------------------------------
// Operations and their generators

export const FIELDS = ['name', 'address', 'tovholder', 'notes'] as const;
export type Field = (typeof FIELDS)[number];
/** fresh: a value nobody wrote before; shared: the same value on every device; empty: cleared. */
export type ValueKind = 'fresh' | 'shared' | 'empty';

export type LocalAction =
  | { t: 'create'; d: number }
  /** One or more successive saves of one family, each changing one field. */
  | { t: 'edit'; d: number; pick: number; edits: { field: Field; value: ValueKind }[] }
  | { t: 'delete'; d: number; pick: number }
  /** A change an older app version queued that the server refuses (like sync-engine.test.ts). */
  | { t: 'legacyBad'; d: number };

/** Something that happens while the n-th request of a sync is in flight. */
export type During = { call: number; action: LocalAction | { t: 'syncOther'; d: number } };

export type Op =
  /** Does nothing: what other steps shrink to, so a counterexample keeps only the steps that matter. */
  | { t: 'skip'; d: number }
  | LocalAction
  | { t: 'sync'; d: number; faults: Fault[]; batchSize: number; pageSize: number; during: During | null }
  | { t: 'resolve'; d: number; pick: number; mine: boolean[] };

export type Scenario = { extraUsers: number[]; ops: Op[] };

export const USERS = [
  { username: 'mette', name: 'Mette', team: 'Jammerbugt' },
  { username: 'hanne', name: 'Hanne', team: 'Jammerbugt' },
  { username: 'sofie', name: 'Sofie', team: 'Vesthimmerland' },
] as const;

export type ScenarioOptions = { minSteps: number; maxSteps: number; probabilities?: FaultProbabilities };

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

export function scenarioArb(options: ScenarioOptions): fc.Arbitrary<Scenario> {
  const p = { ...defaultProbabilities, ...options.probabilities };
  const faulty = faultKinds.filter((k) => p[k] > 0);
  const total = faulty.reduce((sum, k) => sum + p[k], 0);
  const fault: fc.Arbitrary<Fault> = fc.oneof(
    weighted(Math.max(1, Math.round((1 - total) * 1000)), fc.constant<Fault>('none')),
    ...faulty.map((k) => weighted(Math.round(p[k] * 1000), fc.constant<Fault>(k))),
  );
  const d = fc.nat({ max: 3 });
  const pick = fc.nat({ max: 7 });
  const local: fc.Arbitrary<LocalAction> = fc.oneof(
    weighted(3, fc.record({ t: fc.constant('create' as const), d })),
    weighted(
      8,
      fc.record({
        t: fc.constant('edit' as const),
        d,
        pick,
        edits: fc.array(
          fc.record({
            field: fc.constantFrom(...FIELDS),
            value: fc.oneof(
              weighted(6, fc.constant<ValueKind>('fresh')),
              weighted(1, fc.constant<ValueKind>('shared')),
              weighted(1, fc.constant<ValueKind>('empty')),
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    ),
    weighted(1, fc.record({ t: fc.constant('delete' as const), d, pick })),
  );
  const during: fc.Arbitrary<During | null> = fc.oneof(
    weighted(5, fc.constant(null)),
    weighted(
      1,
      fc.record({
        call: fc.nat({ max: 3 }),
        action: fc.oneof(local, fc.record({ t: fc.constant('syncOther' as const), d })),
      }),
    ),
  );
  const sync: fc.Arbitrary<Op> = fc.record({
    t: fc.constant('sync' as const),
    d,
    faults: fc.array(fault, { maxLength: 6 }),
    batchSize: fc.constantFrom(100, 1, 2),
    pageSize: fc.constantFrom(500, 1, 2, 3),
    during,
  });
  const resolve: fc.Arbitrary<Op> = fc.record({
    t: fc.constant('resolve' as const),
    d,
    pick,
    mine: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { withCrossShrink: true },
    weighted(10, fc.record({ t: fc.constant('skip' as const), d: fc.constant(0) })),
    weighted(140, local),
    weighted(80, sync),
    weighted(40, resolve),
    weighted(3, fc.record({ t: fc.constant('legacyBad' as const), d })),
  );
  return fc.record({
    // Devices 0 and 1 are two users of one team; up to two more of any user (same user = two tablets).
    extraUsers: fc.array(fc.nat({ max: USERS.length - 1 }), { maxLength: 2 }),
    ops: fc.array(op, { minLength: options.minSteps, maxLength: options.maxSteps }),
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the server

export type LedgerRow = {
  rowid: number;
  mutationId: string;
  teamId: string;
  deviceId: string;
  clientSeq: number;
  kind: string;
  recordId: string;
  payload: Mutation;
  status: string;
  result: MutationResult;
};

/** A server record as the invariants read it (the store's row without write metadata). */
export type ServerRecord = Pick<RecordRow, 'id' | 'teamId' | 'kind' | 'rev' | 'seq' | 'deleted' | 'data'>;

type Ledger = { rows: LedgerRow[]; byId: Map<string, LedgerRow>; byRecord: Map<string, LedgerRow[]> };

/**
 * The server's ledger as the invariants read it. The ledger keeps payloads of rejected mutations
 * only (store/mutations.ts); for the others the op, base and data come from what the devices
 * queued (`sent`), while the clientSeq, kind and record id stay the server's own columns, so a
 * ledger row that does not match its outbox entry still fails check (a). Results are read the way
 * the server replays them (findMutation), with their record data put back.
 */
export function readLedger(server: TestServer, sent: ReadonlyMap<string, Queued> = new Map()): Ledger {
  const raw = server.store.db
    .prepare(
      `SELECT rowid, mutation_id, team_id, device_id, client_seq, kind, record_id, payload, status
       FROM mutations ORDER BY rowid`,
    )
    .all() as {
    rowid: number;
    mutation_id: string;
    team_id: string;
    device_id: string;
    client_seq: number;
    kind: string;
    record_id: string;
    payload: string | null;
    status: string;
  }[];
  const rows = raw.map((r): LedgerRow => {
    const queued = sent.get(r.mutation_id);
    let payload: Mutation;
    if (r.payload !== null) payload = JSON.parse(r.payload) as Mutation;
    else if (queued) {
      payload = {
        mutationId: r.mutation_id,
        clientSeq: r.client_seq,
        kind: r.kind,
        id: r.record_id,
        op: queued.op,
        baseRev: queued.baseRev,
        ...(queued.data ? { data: queued.data } : {}),
      };
    } else throw new Error(`ledger row ${r.mutation_id} has no payload and was never queued`);
    const result = findMutation(server.store.db, r.mutation_id)?.result;
    if (!result) throw new Error(`ledger row ${r.mutation_id} cannot be replayed`);
    return {
      rowid: r.rowid,
      mutationId: r.mutation_id,
      teamId: r.team_id,
      deviceId: r.device_id,
      clientSeq: r.client_seq,
      kind: r.kind,
      recordId: r.record_id,
      payload,
      status: r.status,
      result,
    };
  });
  const byId = new Map<string, LedgerRow>();
  const byRecord = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    byId.set(row.mutationId, row);
    byRecord.set(row.recordId, [...(byRecord.get(row.recordId) ?? []), row]);
  }
  return { rows, byId, byRecord };
}

export function readServerRecords(server: TestServer): Map<string, ServerRecord> {
  const raw = server.store.db
    .prepare('SELECT id, team_id, kind, rev, seq, deleted, data FROM records ORDER BY seq')
    .all() as { id: string; team_id: string; kind: string; rev: number; seq: number; deleted: number; data: string }[];
  return new Map(
    raw.map((r) => [
      r.id,
      {
        id: r.id,
        teamId: r.team_id,
        kind: r.kind,
        rev: r.rev,
        seq: r.seq,
        deleted: r.deleted === 1,
        data: JSON.parse(r.data) as Record<string, unknown>,
      },
    ]),
  );
}

const maxSeq = (server: TestServer): bigint =>
  BigInt(
    (server.store.db.prepare(`SELECT value FROM counters WHERE name = 'seq'`).get() as { value: number } | undefined)
      ?.value ?? 0,
  );

const accepted = (row: LedgerRow) => row.status === 'applied' || row.status === 'merged';

/**
 * The ledger rows that made each revision of a record, by rev. A no-op acknowledgement (delete of a
 * deleted record, resolution of a resolved conflict) repeats a rev; the first row made it.
 */
function producers(ledger: Ledger, recordId: string): Map<number, LedgerRow> {
  const out = new Map<number, LedgerRow>();
  for (const row of ledger.byRecord.get(recordId) ?? []) {
    const rev = row.result.rev;
    if (accepted(row) && rev !== undefined && !out.has(rev)) out.set(rev, row);
  }
  return out;
}

/** The fields a ledger write set: a create sets all (defaults included); an update its patch. */
function touches(row: LedgerRow, field: string): boolean {
  if (row.payload.op === 'create') return true;
  return row.payload.op === 'update' && row.payload.data !== undefined && Object.hasOwn(row.payload.data, field);
}

// ---------------------------------------------------------------------------------------------
// The world: a server, the devices, and what the model remembers

type Queued = {
  mutationId: string;
  clientSeq: number;
  kind: string;
  id: string;
  op: 'create' | 'update' | 'delete';
  baseRev: number;
  data: Record<string, unknown> | null;
  step: number;
};

type Dev = {
  index: number;
  name: string;
  teamId: string;
  device: Device;
  transport: FaultyTransport;
  deviceId: string;
  queued: Map<string, Queued>;
  checkpoint: bigint;
};

export class InvariantError extends Error {
  override name = 'InvariantError';
}

const short = (id: string) => id.slice(0, 8);
const show = (value: unknown) => JSON.stringify(value);

export class SyncWorld {
  readonly server: TestServer;
  readonly devices: Dev[];
  /** Families in creation order with their team (picks index into this, so runs replay exactly). */
  readonly families: { id: string; teamId: string }[] = [];
  /** Conflicts in the order the server made them. */
  readonly conflicts: string[] = [];
  readonly badIds = new Set<string>();
  readonly trace: string[] = [];
  step = 0;
  private counter = 0;

  /** Every mutation any device of this world queued, by mutationId. */
  private sent(): Map<string, Queued> {
    const all = new Map<string, Queued>();
    for (const dev of this.devices) for (const [id, q] of dev.queued) all.set(id, q);
    return all;
  }

  private constructor(server: TestServer, devices: Dev[]) {
    this.server = server;
    this.devices = devices;
  }

  static async start(scenario: Scenario): Promise<SyncWorld> {
    const server = await startTestServer();
    try {
      const teamIds: string[] = [];
      for (const user of USERS) teamIds.push((await addUser(server.store, user)).teamId);
      const devices: Dev[] = [];
      for (const [index, userIndex] of [0, 1, ...scenario.extraUsers].entries()) {
        const user = USERS[userIndex] ?? USERS[0];
        const name = `d${index}-${user.username}`;
        let transport: FaultyTransport | undefined;
        const device = await openDevice(name, server, await login(server, user.username), (inner) => {
          transport = faultyTransport(inner, { probabilities: {} });
          return transport;
        });
        if (!transport) throw new Error('openDevice did not wrap the transport');
        devices.push({
          index,
          name,
          teamId: teamIds[userIndex] ?? '',
          device,
          transport,
          deviceId: device.deviceId,
          queued: new Map(),
          checkpoint: 0n,
        });
      }
      return new SyncWorld(server, devices);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  /** A shared start: the first tablet of each team records two families and every tablet syncs. */
  async setUp(): Promise<void> {
    const firsts = new Map<string, Dev>();
    for (const dev of this.devices) if (!firsts.has(dev.teamId)) firsts.set(dev.teamId, dev);
    for (const dev of firsts.values()) {
      await this.local(dev, { t: 'create', d: dev.index });
      await this.local(dev, { t: 'create', d: dev.index });
    }
    for (let pass = 0; pass < 2; pass++) for (const dev of this.devices) await dev.device.sync();
    this.note(undefined, 'set-up: every tablet synced');
    await this.checkAlways();
  }

  async close(): Promise<void> {
    for (const dev of this.devices) await dev.device.close();
    await this.server.close();
  }

  fail(message: string): never {
    throw new InvariantError(`${message}\n\nTrace (step: operation → outcome):\n${this.trace.join('\n')}`);
  }

  private note(dev: Dev | undefined, text: string) {
    this.trace.push(`#${this.step} ${dev ? `${dev.name}: ` : ''}${text}`);
  }

  private dev(d: number): Dev {
    return this.devices[d % this.devices.length] as Dev;
  }

  private value(dev: Dev, field: Field, kind: ValueKind): string {
    if (kind === 'shared') return `Fælles ${field}`;
    if (kind === 'empty' && field !== 'name') return '';
    this.counter++;
    return `${field}-${dev.index}-${this.counter}`;
  }

  // -------------------------------------------------------------------------------------------
  // Running operations

  async run(op: Op): Promise<void> {
    this.step++;
    this.registerConflicts(readServerRecords(this.server));
    const dev = this.dev(op.d);
    switch (op.t) {
      case 'skip':
        return;
      case 'sync':
        return this.sync(dev, op);
      case 'resolve':
        return this.resolve(dev, op.pick, op.mine);
      default:
        return this.local(dev, op);
    }
  }

  private async local(dev: Dev, action: LocalAction): Promise<void> {
    switch (action.t) {
      case 'create': {
        const data = { name: this.value(dev, 'name', 'fresh'), address: this.value(dev, 'address', 'fresh') };
        let id = '';
        const queued = await this.tracked(dev, undefined, async () => {
          id = await dev.device.writer.create('family', data);
        });
        if (
          queued.length !== 1 ||
          queued[0]?.op !== 'create' ||
          !isDeepStrictEqual(queued[0].data, familySchema.parse(data))
        ) {
          this.fail(`(a) creating ${show(data)} on ${dev.name} queued ${show(queued)}`);
        }
        this.families.push({ id, teamId: dev.teamId });
        this.note(dev, `create family[${this.families.length - 1}] ${short(id)} ${show(data)}`);
        return;
      }
      case 'edit': {
        const target = await this.pickFamily(dev, action.pick);
        if (!target) return this.note(dev, 'edit: no family to edit');
        for (const { field, value } of action.edits) {
          const row = dev.device.row('family', target.id);
          if (!row || row.deleted) return this.note(dev, `edit family[${target.index}]: gone`);
          const doc = { ...row.data, [field]: this.value(dev, field, value) };
          const queued = await this.tracked(dev, row, () => dev.device.writer.update('family', target.id, doc, row));
          // (a) a save queues exactly the changed field, with the value the person typed.
          const want = isDeepStrictEqual(row.data[field], doc[field]) ? [] : [{ [field]: doc[field] }];
          if (
            !isDeepStrictEqual(
              queued.map((q) => q.data),
              want,
            ) ||
            // The base is the revision she saw, or a later one with the same data (her own change
            // acknowledged meanwhile); (h) checks that the base is honest either way.
            queued.some((q) => q.op !== 'update' || q.baseRev < row.rev)
          ) {
            this.fail(`(a) saving ${field}=${show(doc[field])} on ${dev.name} queued ${show(queued)}`);
          }
          this.note(
            dev,
            `edit family[${target.index}] ${short(target.id)} ${field}=${show(doc[field])} → ${describe(queued)}`,
          );
        }
        return;
      }
      case 'delete': {
        const target = await this.pickFamily(dev, action.pick);
        if (!target) return this.note(dev, 'delete: no family to delete');
        const queued = await this.tracked(dev, target.row, () =>
          dev.device.writer.remove('family', target.id, target.row),
        );
        if (queued.length !== 1 || queued[0]?.op !== 'delete' || queued[0].baseRev < target.row.rev) {
          this.fail(`(a) deleting ${short(target.id)} on ${dev.name} queued ${show(queued)}`);
        }
        this.note(dev, `delete family[${target.index}] ${short(target.id)} → ${describe(queued)}`);
        return;
      }
      case 'legacyBad': {
        const id = crypto.randomUUID();
        const at = new Date().toISOString();
        await this.tracked(dev, undefined, async () => {
          await dev.device.inject(
            { id, kind: 'family', rev: 0, updatedAt: at, updatedBy: '', deleted: 0, data: { name: '' } },
            {
              mutationId: crypto.randomUUID(),
              kind: 'family',
              id,
              op: 'create',
              baseRev: 0,
              data: { name: '' },
              createdAt: at,
              state: 'pending',
            },
          );
        });
        this.badIds.add(id);
        this.note(dev, `legacy bad create ${short(id)} (the server must reject it)`);
        return;
      }
    }
  }

  private async pickFamily(dev: Dev, pick: number) {
    const candidates: { id: string; index: number; row: LocalRecord<'family'> }[] = [];
    for (const [index, family] of this.families.entries()) {
      if (family.teamId !== dev.teamId) continue;
      const row = dev.device.row('family', family.id);
      if (row && !row.deleted) candidates.push({ id: family.id, index, row });
    }
    return candidates[pick % Math.max(1, candidates.length)];
  }

  /** Runs a local write and records the mutations it queued; checks the base of each (h). */
  private async tracked(dev: Dev, before: LocalRecord | undefined, write: () => Promise<unknown>): Promise<Queued[]> {
    await write();
    const fresh: Queued[] = [];
    for (const entry of dev.device.outbox()) {
      if (dev.queued.has(entry.mutationId)) continue;
      const queued: Queued = {
        mutationId: entry.mutationId,
        clientSeq: entry.clientSeq ?? -1,
        kind: entry.kind,
        id: entry.id,
        op: entry.op,
        baseRev: entry.baseRev,
        data: entry.data ? structuredClone(entry.data) : null,
        step: this.step,
      };
      dev.queued.set(entry.mutationId, queued);
      fresh.push(queued);
    }
    for (const queued of fresh) {
      if (before && queued.kind === 'family' && queued.op !== 'create') this.checkHonestBase(dev, before, queued);
    }
    return fresh;
  }

  private checkHonestBase(dev: Dev, before: LocalRecord, m: Queued): void {
    const r = m.baseRev;
    const ledger = readLedger(this.server, this.sent());
    const own = [...dev.queued.values()].filter((q) => q.id === m.id && q.mutationId !== m.mutationId);
    // Own changes the server's rev r does not contain: still queued, refused, in conflict, or later.
    const unreflected = own.filter((q) => {
      const row = ledger.byId.get(q.mutationId);
      return !(row && accepted(row) && (row.result.rev ?? Number.POSITIVE_INFINITY) <= r);
    });
    if (r === 0) {
      if (!unreflected.some((q) => q.op === 'create')) {
        this.fail(`(h) ${dev.name} queued ${m.op} of ${short(m.id)} with baseRev 0 but has no create of it`);
      }
      return;
    }
    const made = producers(ledger, m.id).get(r);
    if (!made?.result.record) {
      this.fail(`(h) ${dev.name} queued ${m.op} of ${short(m.id)} with baseRev ${r}, not a revision of the server`);
    }
    const mine = new Set<string>();
    for (const q of unreflected) {
      const data = q.op === 'create' ? (q.data ?? {}) : q.op === 'update' ? (q.data ?? {}) : {};
      for (const key of Object.keys(data)) mine.add(key);
      if (q.op === 'create') for (const key of FIELDS) mine.add(key);
    }
    const local = before.data;
    const server = made.result.record.data;
    for (const key of new Set([...Object.keys(local), ...Object.keys(server)])) {
      if (mine.has(key) || isDeepStrictEqual(local[key], server[key])) continue;
      this.fail(
        `(h) ${dev.name} queued ${m.op} of ${short(m.id)} based on rev ${r}, but its copy has ${key}=${show(local[key])}` +
          ` where the server's rev ${r} has ${key}=${show(server[key])} and the device never changed ${key} itself:` +
          ` the base claims a revision the person has not seen, so the server cannot detect that this change` +
          ` overwrites someone else's (silent overwrite)`,
      );
    }
  }

  private async sync(dev: Dev, op: Extract<Op, { t: 'sync' }>): Promise<void> {
    dev.transport.script(op.faults);
    const during = op.during;
    if (during) {
      dev.transport.interleave(during.call, async () => {
        this.note(dev, `  (while request ${during.call} of the sync is in flight:)`);
        await this.duringAction(dev, during);
      });
    }
    const from = dev.transport.log.length;
    let outcome: string;
    try {
      const result = await dev.device.sync({ batchSize: op.batchSize, pageSize: op.pageSize });
      outcome = `ok pushed=${result.pushed} pulled=${result.pulled}`;
    } catch (error) {
      if (!isInjectedFault(error)) throw error;
      outcome = `failed (${error.fault})`;
    } finally {
      dev.transport.script([]);
    }
    const calls = dev.transport.log
      .slice(from)
      .map((e) => `${e.method}[${e.detail}]${e.fault === 'none' ? '' : `!${e.fault}`}`)
      .join(' ');
    this.note(dev, `sync batch=${op.batchSize} page=${op.pageSize}: ${calls} → ${outcome}`);
    // The action planned for a request that never happened runs after the sync.
    for (const action of dev.transport.cancelInterleaved()) await action();
  }

  private async duringAction(dev: Dev, during: During): Promise<void> {
    if (during.action.t === 'syncOther') {
      const other = this.dev(during.action.d);
      if (other === dev) return;
      try {
        await other.device.sync();
        this.note(other, '  sync → ok');
      } catch (error) {
        if (!isInjectedFault(error)) throw error;
        this.note(other, `  sync → failed (${error.fault})`);
      }
      return;
    }
    await this.local(dev, { ...during.action, d: dev.index });
  }

  private async resolve(dev: Dev, pick: number, mine: boolean[]): Promise<void> {
    const open: { id: string; data: Record<string, unknown> }[] = [];
    for (const id of this.conflicts) {
      const view = await dev.device.reader.get('conflict', id);
      if (view && view.data.status === 'open') open.push({ id, data: view.data });
    }
    const chosen = open[pick % Math.max(1, open.length)];
    if (!chosen) return this.note(dev, 'resolve: no open conflict visible');
    const c = chosen.data as {
      recordId: string;
      op: 'update' | 'delete';
      fields: string[];
      mine: Record<string, unknown> | null;
      theirs: Record<string, unknown> | null;
    };
    const row = dev.device.row('family', c.recordId);
    const alive = row !== undefined && !row.deleted;
    const choices: string[] = [];
    let queued: Queued[] = [];
    if (c.op === 'update' && c.mine && alive) {
      // As the app's resolver does: for each field of mine that differs from the device's current
      // version, keep mine or keep the current one; the result is an ordinary edit of the record.
      const doc = { ...row.data };
      const differing = Object.keys(c.mine).filter((f) => !isDeepStrictEqual(c.mine?.[f], doc[f]));
      differing.forEach((field, i) => {
        const keepMine = mine[i % mine.length] ?? true;
        choices.push(`${field}:${keepMine ? 'mine' : 'theirs'}`);
        if (keepMine) doc[field] = c.mine?.[field];
      });
      queued = await this.tracked(dev, row, () => dev.device.writer.update('family', c.recordId, doc));
    } else if (c.op === 'delete' && alive && (mine[0] ?? false)) {
      choices.push('delete:mine');
      queued = await this.tracked(dev, row, () => dev.device.writer.remove('family', c.recordId));
    } else {
      // The family is deleted here, or a deletion is answered with "theirs": only the conflict is
      // marked resolved (the app cannot restore a deleted family).
      choices.push('theirs');
    }
    const resolution = await this.tracked(dev, undefined, () =>
      dev.device.writer.update('conflict', chosen.id, { ...chosen.data, status: 'resolved' }),
    );
    this.note(
      dev,
      `resolve conflict ${short(chosen.id)} on ${short(c.recordId)} (${c.op} of [${c.fields}]) ${choices.join(' ')}` +
        ` → ${describe([...queued, ...resolution])}`,
    );
  }

  /** Remembers new server conflicts in creation order (picks index into this). */
  registerConflicts(records: Map<string, ServerRecord>): void {
    for (const record of records.values()) {
      if (record.kind === 'conflict' && !this.conflicts.includes(record.id)) this.conflicts.push(record.id);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Invariants that always hold

  async checkAlways(): Promise<void> {
    const ledger = readLedger(this.server, this.sent());
    const records = readServerRecords(this.server);
    this.registerConflicts(records);
    const seq = maxSeq(this.server);

    for (const row of ledger.rows) {
      if (row.status === 'duplicate') this.fail(`(b) the ledger stored a "duplicate" row for ${short(row.mutationId)}`);
    }

    for (const dev of this.devices) {
      if (dev.transport.staleErrors.length > 0) {
        this.fail(`a stale duplicate push of ${dev.name} failed: ${String(dev.transport.staleErrors[0])}`);
      }
      // (a) no lost writes
      const outbox = new Map(dev.device.outbox().map((e) => [e.mutationId, e]));
      for (const entry of outbox.values()) {
        if (!dev.queued.has(entry.mutationId)) this.fail(`(a) ${dev.name} has an outbox entry the model never saw`);
      }
      for (const m of dev.queued.values()) {
        const entry = outbox.get(m.mutationId);
        const row = ledger.byId.get(m.mutationId);
        const what = `${dev.name}'s ${m.op} of ${m.kind} ${short(m.id)} (clientSeq ${m.clientSeq}, step #${m.step})`;
        if (!entry && !row) this.fail(`(a) lost write: ${what} left the outbox but the server's ledger has no row`);
        if (!entry && row?.status === 'rejected') {
          this.fail(`(a) ${what} was rejected by the server but is no longer kept and shown on the device`);
        }
        if (entry?.state === 'rejected' && row?.status !== 'rejected') {
          this.fail(`(a) ${what} is shown as rejected but the ledger says ${row?.status ?? 'nothing'}`);
        }
        if (row) {
          const sent = { ...row.payload, data: row.payload.data ?? null };
          const expected = {
            mutationId: m.mutationId,
            clientSeq: m.clientSeq,
            kind: m.kind,
            id: m.id,
            op: m.op,
            baseRev: m.baseRev,
            data: m.data,
          };
          if (!isDeepStrictEqual(sent, expected) || row.deviceId !== dev.deviceId || row.teamId !== dev.teamId) {
            this.fail(`(a) the ledger row of ${what} differs from what was queued: ${show(row)} vs ${show(expected)}`);
          }
        }
      }
      // (c) checkpoint
      const value = dev.device.meta('checkpoint');
      const checkpoint = typeof value === 'string' ? BigInt(value) : 0n;
      if (checkpoint < dev.checkpoint)
        this.fail(`(c) ${dev.name}'s checkpoint went back from ${dev.checkpoint} to ${checkpoint}`);
      if (checkpoint > seq) this.fail(`(c) ${dev.name}'s checkpoint ${checkpoint} is ahead of the server's seq ${seq}`);
      dev.checkpoint = checkpoint;
      // (c) ...and never ahead of the data: every team record at or below it is held as it is now,
      // unless the device still has its own change of it in the outbox (dirty rows are kept).
      const local = new Map([...dev.device.rows('family'), ...dev.device.rows('conflict')].map((r) => [r.id, r]));
      const dirty = new Set([...outbox.values()].map((e) => e.id));
      for (const record of records.values()) {
        if (record.teamId !== dev.teamId || BigInt(record.seq) > checkpoint || dirty.has(record.id)) continue;
        const row = local.get(record.id);
        if (row?.rev !== record.rev || Boolean(row.deleted) !== record.deleted) {
          this.fail(
            `(c) ${dev.name}'s checkpoint ${checkpoint} is past ${record.kind} ${short(record.id)} (seq ${record.seq},` +
              ` rev ${record.rev}) but the device holds ${row ? `rev ${row.rev}` : 'nothing'}`,
          );
        }
      }
      // (d) rows never newer than the server, never of another team
      for (const row of [...dev.device.rows('family'), ...dev.device.rows('conflict')]) {
        const server = records.get(row.id);
        if (!server) {
          const creating = [...outbox.values()].some((e) => e.id === row.id && e.op === 'create');
          if (row.kind === 'family' && row.rev === 0 && creating) continue;
          this.fail(`(d) ${dev.name} holds ${row.kind} ${short(row.id)} rev ${row.rev} that the server does not have`);
        }
        if (server.teamId !== dev.teamId) this.fail(`(d) ${dev.name} holds ${short(row.id)} of another team`);
        if (row.rev > server.rev) {
          this.fail(
            `(d) ${dev.name} holds ${row.kind} ${short(row.id)} at rev ${row.rev}, the server at ${server.rev}`,
          );
        }
      }
    }

    // (b) exactly-once effect
    for (const record of records.values()) {
      const made = producers(ledger, record.id);
      const first = record.kind === 'conflict' ? 2 : 1;
      const revs = [...made.keys()].sort((x, y) => x - y);
      const expected = Array.from({ length: Math.max(0, record.rev - first + 1) }, (_, i) => first + i);
      if (!isDeepStrictEqual(revs, expected)) {
        this.fail(
          `(b) ${record.kind} ${short(record.id)} is at rev ${record.rev} but its accepted writes in the ledger` +
            ` made revs [${revs}] (expected [${expected}])`,
        );
      }
      for (const row of ledger.byRecord.get(record.id) ?? []) {
        const rev = row.result.rev;
        if (!accepted(row) || rev === undefined || made.get(rev) === row) continue;
        // A second acknowledgement of one rev must be a no-op that changed nothing.
        const noop =
          (row.payload.op === 'delete' && row.result.record?.deleted === true) ||
          (row.kind === 'conflict' && row.result.record?.data.status === 'resolved');
        if (!noop) this.fail(`(b) ${short(row.mutationId)} was acknowledged with rev ${rev}, which another write made`);
      }
      const latest = made.get(record.rev)?.result.record;
      if (latest && (!isDeepStrictEqual(latest.data, record.data) || latest.deleted !== record.deleted)) {
        this.fail(`(b) ${record.kind} ${short(record.id)} differs from the ledger's answer for its rev ${record.rev}`);
      }
    }

    // (g) a conflict is never against the device's own write
    for (const c of records.values()) {
      if (c.kind !== 'conflict') continue;
      const data = c.data as {
        mutationId: string;
        deviceId: string;
        recordId: string;
        op: string;
        baseRev: number;
        serverRev: number;
        fields: string[];
        theirs: unknown;
      };
      const origin = ledger.byId.get(data.mutationId);
      if (origin?.status !== 'conflict' || origin.result.conflictId !== c.id) {
        this.fail(`(g) conflict ${short(c.id)} has no matching conflict row in the ledger`);
      }
      if (origin.deviceId !== data.deviceId) this.fail(`(g) conflict ${short(c.id)} names the wrong device`);
      const writes = [...producers(ledger, data.recordId).entries()]
        .filter(([rev]) => rev <= data.serverRev)
        .sort(([x], [y]) => y - x)
        .map(([, row]) => row);
      const against: { what: string; row: LedgerRow | undefined }[] =
        data.op === 'update' && data.theirs === null
          ? [{ what: 'the deletion', row: writes.find((w) => w.payload.op === 'delete') }]
          : data.fields.map((f) => ({ what: `field ${f}`, row: writes.find((w) => touches(w, f)) }));
      if (against.length === 0) this.fail(`(g) conflict ${short(c.id)} names no field and no deletion`);
      for (const { what, row } of against) {
        if (!row) this.fail(`(g) conflict ${short(c.id)} is about ${what}, which nobody wrote`);
        if (row.deviceId === data.deviceId) {
          this.fail(
            `(g) conflict ${short(c.id)} (mutation ${short(data.mutationId)}) is about ${what}, last written by the` +
              ` same device (mutation ${short(row.mutationId)}): a device's own edits conflicted with each other`,
          );
        }
      }
      // ...and only about a field someone else really changed after the base: a write that set a
      // field to the value it already had (agreement) changes nothing, so it cannot be a reason.
      if (!(data.op === 'update' && data.theirs === null) && data.fields.length > 0) {
        const revs = producers(ledger, data.recordId);
        const changedByOthers = (f: string) =>
          [...revs.entries()].some(
            ([rev, w]) =>
              rev > data.baseRev &&
              rev <= data.serverRev &&
              w.deviceId !== data.deviceId &&
              touches(w, f) &&
              !isDeepStrictEqual(w.result.record?.data[f], revs.get(rev - 1)?.result.record?.data[f]),
          );
        if (!data.fields.some(changedByOthers)) {
          this.fail(
            `(g) conflict ${short(c.id)} (${data.op} based on rev ${data.baseRev}) is about [${data.fields}], but no` +
              ` other device changed their values after rev ${data.baseRev} (only wrote the values they had)`,
          );
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Quiescence

  async quiesce(): Promise<void> {
    this.step++;
    this.note(undefined, 'quiescence: faults off, held requests delivered, every device syncs until drained');
    for (const dev of this.devices) {
      dev.transport.enabled = false;
      await dev.transport.flushHeld();
    }
    for (let round = 0; round < 4; round++) {
      for (const dev of this.devices) await dev.device.sync();
      const pending = await Promise.all(this.devices.map((dev) => dev.device.pendingCount()));
      if (pending.every((n) => n === 0)) break;
    }
    for (const dev of this.devices) {
      const pending = await dev.device.pendingCount();
      if (pending > 0) this.fail(`(e) ${dev.name} still has ${pending} pending changes after faultless syncs`);
    }
    for (const dev of this.devices) await dev.device.sync();
    await this.checkAlways();
  }

  async checkQuiescent(): Promise<void> {
    const ledger = readLedger(this.server, this.sent());
    const records = readServerRecords(this.server);
    const openFor = new Set<string>();
    for (const r of records.values()) {
      if (r.kind === 'conflict' && r.data.status === 'open') openFor.add(String(r.data.recordId));
    }
    for (const dev of this.devices) {
      const rejected = new Set(
        dev.device
          .outbox()
          .filter((e) => e.state === 'rejected')
          .map((e) => e.id),
      );
      // (e) convergence
      const expected = new Map<string, unknown>();
      for (const r of records.values()) {
        if (r.teamId !== dev.teamId || rejected.has(r.id)) continue;
        expected.set(r.id, { kind: r.kind, rev: r.rev, deleted: r.deleted, data: r.data });
      }
      // (j) what a reload reads back from the encrypted IndexedDB is what memory holds.
      const disk = await dev.device.persisted();
      const memory = [...dev.device.rows('family'), ...dev.device.rows('conflict')]
        .map(({ sync: _s, ...row }) => row)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const onDisk = disk.rows.filter((r) => r.kind === 'family' || r.kind === 'conflict');
      if (!isDeepStrictEqual(onDisk, memory)) this.fail(`(j) ${dev.name}: the store on disk differs from memory`);
      if (!isDeepStrictEqual(disk.outbox, dev.device.outbox()))
        this.fail(`(j) ${dev.name}: the outbox on disk differs`);
      const actual = new Map<string, unknown>();
      const rows = [...dev.device.rows('family'), ...dev.device.rows('conflict')];
      for (const row of rows) {
        if (rejected.has(row.id)) continue;
        actual.set(row.id, { kind: row.kind, rev: row.rev, deleted: row.deleted === 1, data: row.data });
      }
      for (const id of new Set([...expected.keys(), ...actual.keys()])) {
        if (!isDeepStrictEqual(expected.get(id), actual.get(id))) {
          this.fail(
            `(e) ${dev.name} did not converge on ${short(id)}: device ${show(actual.get(id) ?? null)},` +
              ` server ${show(expected.get(id) ?? null)}`,
          );
        }
      }
      const teamSeq = Math.max(0, ...[...records.values()].filter((r) => r.teamId === dev.teamId).map((r) => r.seq));
      if (dev.checkpoint < BigInt(teamSeq)) this.fail(`(e) ${dev.name} has not pulled up to its team's seq ${teamSeq}`);
      const ownChecks = [...dev.queued.values()];
      if ([...rejected].some((id) => records.has(id)))
        this.fail(`(e) a change refused on ${dev.name} is on the server`);
      // (i) the sync state shown per record
      for (const row of rows) {
        const want =
          row.kind === 'conflict'
            ? 'synced'
            : openFor.has(row.id)
              ? 'conflict'
              : rejected.has(row.id)
                ? 'rejected'
                : 'synced';
        if (row.sync !== want) this.fail(`(i) ${dev.name} shows ${short(row.id)} as ${row.sync}, expected ${want}`);
      }
      // (f) every written value is kept somewhere
      for (const m of ownChecks) this.checkKept(dev, m, ledger, records);
    }
    // Every rejected change is a legacy one (the app itself never writes what the server refuses).
    for (const row of ledger.rows) {
      if (row.status === 'rejected' && !this.badIds.has(row.recordId)) {
        this.fail(`(f) the server rejected ${short(row.mutationId)}: ${show(row.result.error)}`);
      }
    }
  }

  private checkKept(dev: Dev, m: Queued, ledger: Ledger, records: Map<string, ServerRecord>): void {
    const row = ledger.byId.get(m.mutationId);
    const what = `${dev.name}'s ${m.op} of ${m.kind} ${short(m.id)} (step #${m.step})`;
    if (!row) this.fail(`(f) ${what} never reached the server`);
    if (row.status === 'rejected') return; // kept in the outbox and shown: checked by (a)
    const record = records.get(m.id);
    if (!record) this.fail(`(f) ${what} was ${row.status} but the record is not on the server`);
    if (m.kind === 'conflict') {
      if (accepted(row) && record.data.status !== 'resolved') this.fail(`(f) ${what} was applied but is not resolved`);
      return;
    }
    if (row.status === 'conflict') {
      const c = records.get(row.result.conflictId ?? '');
      if (!c || c.data.mutationId !== m.mutationId) this.fail(`(f) ${what} ended in a conflict the server lacks`);
      const mine = c.data.mine as Record<string, unknown> | null;
      const kept =
        m.op === 'delete'
          ? mine === null
          : Object.entries(m.data ?? {}).every(([f, v]) => isDeepStrictEqual(mine?.[f], v));
      if (!kept) this.fail(`(f) the conflict of ${what} does not hold its change: ${show(mine)} vs ${show(m.data)}`);
      return;
    }
    if (!accepted(row)) this.fail(`(f) ${what} has status ${row.status}`);
    const rev = row.result.rev ?? 0;
    const later = [...producers(ledger, m.id).entries()].filter(([r]) => r > rev).map(([, w]) => w);
    if (m.op === 'delete') {
      if (!record.deleted && !later.some((w) => w.payload.op === 'create')) {
        this.fail(`(f) ${what} was applied but the record is not deleted`);
      }
      return;
    }
    for (const [field, value] of Object.entries(m.data ?? {})) {
      if (isDeepStrictEqual(record.data[field], value)) continue;
      if (later.some((w) => touches(w, field))) continue;
      this.fail(
        `(f) lost value: ${what} set ${field}=${show(value)} (${row.status}, rev ${rev}); the server has` +
          ` ${show(record.data[field])}, and no later accepted write set ${field} and no conflict keeps it`,
      );
    }
  }
}

function describe(queued: Queued[]): string {
  if (queued.length === 0) return 'nothing queued';
  return queued.map((q) => `queued ${q.kind} ${q.op} seq ${q.clientSeq} base ${q.baseRev}`).join(', ');
}

/** One property run: the scenario's steps with the invariants after each, then quiescence. */
export async function runScenario(scenario: Scenario): Promise<void> {
  const world = await SyncWorld.start(scenario);
  try {
    await world.setUp();
    for (const op of scenario.ops) {
      await world.run(op);
      await world.checkAlways();
    }
    await world.quiesce();
    await world.checkQuiescent();
  } catch (error) {
    if (error instanceof InvariantError) throw error;
    // An unexpected error (not an injected fault): report it with the trace too.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new InvariantError(`unexpected error: ${message}\n\nTrace:\n${world.trace.join('\n')}`);
  } finally {
    await world.close();
  }
}
