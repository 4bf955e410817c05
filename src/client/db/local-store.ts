/**
 * One user's encrypted store on this device (docs/decisions/0013-encrypted-local-store.md): an
 * append-only log of segments in IndexedDB, each segment one atomic change (a saved form with its
 * outbox entry, a pulled page with its checkpoint, a push answer), JSON sealed with AES-GCM under
 * the user's data key. At unlock the log is read and decrypted once into memory (state.ts); reads
 * are served from memory, and every change is written as a new sealed segment BEFORE memory
 * changes, so the UI says "Gemt" only when the change is on disk. IndexedDB holds only ciphertext
 * and opaque keys. Tabs of the same user serialize their writes with a Web Lock and catch up on
 * each other's segments; the log is compacted into a few large segments now and then.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { openJson, type Sealed, sealJson } from './crypto.ts';
import { LATER_KINDS, type LocalRow, type OutboxEntry, type SegmentBody, StoreState, splitBody } from './state.ts';

const SEGMENTS = 'segments';
const QUARANTINE = 'quarantine';
/**
 * After unlock, the LATER_KINDS segments are decrypted this long after the first pass at the
 * latest (a read of them brings them in at once): late enough not to compete with the first screen.
 */
const LATER_DELAY_MS = 1000;
/** Compact when this many segments were written since the last compaction. */
const COMPACT_AFTER = 120;
/**
 * How long live queries may go without hearing of a background change (a pulled page, a push
 * answer) while such changes keep coming: at most one notification per window, the first at once,
 * the last at the window's end (docs/decisions/0074-coalesced-store-notifications.md).
 */
export const COALESCE_MS = 1000;

/**
 * A stored segment: sealed, and marked when it holds only LATER_KINDS rows (decision 0075). The
 * ciphertext stays bytes, never a Blob: WebKit's IndexedDB refused Blob values in the WebKit
 * journey (tests/webkit), and a measurement could not be saved.
 */
type StoredSegment = Sealed & { later?: 1 };

type Schema = {
  segments: { key: number; value: StoredSegment };
  quarantine: { key: number; value: { segmentId: number; sealed: StoredSegment | Sealed; reason: string; at: string } };
};

export const storeName = (userId: string) => `tusind-dage-u-${userId}`;

export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
  constructor() {
    super('The key does not open this store.');
  }
}

/** A change being built: reads see its own writes; `body` is what gets sealed and applied. */
export class Tx {
  private readonly rows = new Map<string, LocalRow>();
  private readonly purged = new Map<string, [string, string]>();
  private readonly entries = new Map<number, OutboxEntry>();
  private readonly deleted = new Set<number>();
  private readonly meta = new Map<string, unknown>();
  private readonly metaDeleted = new Set<string>();
  private nextSeq: number;
  /** Whether the change holds something a person typed: written with strict durability. */
  userData = false;

  readonly state: StoreState;

  constructor(state: StoreState) {
    this.state = state;
    this.nextSeq = state.maxClientSeq;
  }

  get<K extends LocalRow['kind']>(kind: K, id: string): LocalRow<K> | undefined {
    const key = `${kind}/${id}`;
    if (this.purged.has(key)) return undefined;
    return (this.rows.get(key) as LocalRow<K> | undefined) ?? this.state.get(kind, id);
  }

  put(row: LocalRow): void {
    const key = `${row.kind}/${row.id}`;
    this.purged.delete(key);
    this.rows.set(key, row);
  }

  purge(kind: string, id: string): void {
    const key = `${kind}/${id}`;
    this.rows.delete(key);
    this.purged.set(key, [kind, id]);
  }

  /** The outbox entries of a record as they will be after this change, in clientSeq order. */
  entriesOf(id: string): OutboxEntry[] {
    const fromState = this.state.entriesOf(id).filter((e) => !this.deleted.has(e.clientSeq));
    const mine = [...this.entries.values()].filter((e) => e.id === id);
    const merged = new Map([...fromState, ...mine].map((e) => [e.clientSeq, this.entries.get(e.clientSeq) ?? e]));
    return [...merged.values()].sort((a, b) => a.clientSeq - b.clientSeq);
  }

  entry(clientSeq: number): OutboxEntry | undefined {
    if (this.deleted.has(clientSeq)) return undefined;
    return this.entries.get(clientSeq) ?? this.state.outbox.get(clientSeq);
  }

  /** Appends a mutation to the outbox with the next clientSeq; returns that clientSeq. */
  enqueue(entry: Omit<OutboxEntry, 'clientSeq'>): number {
    this.nextSeq += 1;
    this.entries.set(this.nextSeq, { ...entry, clientSeq: this.nextSeq });
    this.userData = true;
    return this.nextSeq;
  }

  putEntry(entry: OutboxEntry): void {
    this.deleted.delete(entry.clientSeq);
    this.entries.set(entry.clientSeq, entry);
  }

  deleteEntry(clientSeq: number): void {
    this.entries.delete(clientSeq);
    this.deleted.add(clientSeq);
  }

  getMeta(key: string): unknown {
    if (this.metaDeleted.has(key)) return undefined;
    return this.meta.has(key) ? this.meta.get(key) : this.state.meta.get(key);
  }

  setMeta(key: string, value: unknown): void {
    this.metaDeleted.delete(key);
    this.meta.set(key, value);
  }

  deleteMeta(key: string): void {
    this.meta.delete(key);
    this.metaDeleted.add(key);
  }

  get empty(): boolean {
    return (
      this.rows.size +
        this.purged.size +
        this.entries.size +
        this.deleted.size +
        this.meta.size +
        this.metaDeleted.size ===
      0
    );
  }

  body(): SegmentBody {
    const body: SegmentBody = { v: 1 };
    if (this.rows.size > 0) body.rows = [...this.rows.values()];
    if (this.purged.size > 0) body.purged = [...this.purged.values()];
    if (this.deleted.size > 0) body.outboxDeleted = [...this.deleted];
    if (this.entries.size > 0) body.outbox = [...this.entries.values()];
    if (this.meta.size > 0) body.meta = [...this.meta.entries()];
    if (this.metaDeleted.size > 0) body.metaDeleted = [...this.metaDeleted];
    return body;
  }
}

/** Seals a change as the values to write: the unlock part first, then the LATER_KINDS part. */
async function sealParts(key: CryptoKey, body: SegmentBody): Promise<StoredSegment[]> {
  const { now, later } = splitBody(body);
  const out: StoredSegment[] = [];
  if (now) out.push(await sealJson(key, now));
  if (later) out.push({ ...(await sealJson(key, later)), later: 1 });
  return out;
}

/** Segments left sealed at unlock (LATER_KINDS only), with what the first pass wrote after them. */
type Pending = {
  segments: { id: number; sealed: StoredSegment }[];
  /** The id of the last segment of the first pass that wrote (or purged) a LATER_KINDS row, by key. */
  touched: Map<string, number>;
  /** The last reset (compaction) in the first pass: segments before it no longer count. */
  resetAt: number;
};

/** The sealed log as read before the key was known (LocalStore.prefetch). */
export type Prefetched = {
  /** The open database and what it held; null when already taken or closed. */
  take(): { db: IDBPDatabase<Schema>; keys: number[]; values: StoredSegment[] } | null;
  /** Lets go of it unused (a wrong PIN). */
  close(): void;
};

function openStoreDb(userId: string): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(storeName(userId), 1, {
    upgrade(database) {
      database.createObjectStore(SEGMENTS, { autoIncrement: true });
      database.createObjectStore(QUARANTINE, { autoIncrement: true });
    },
  });
}

/**
 * The prefetched log with what was written since (another tab, now that this one holds the write
 * lock): one first pass over both. A compaction in between is a reset segment among the new ones.
 */
async function topUp(
  db: IDBPDatabase<Schema>,
  read: { keys: number[]; values: StoredSegment[] },
): Promise<{ keys: number[]; values: StoredSegment[] }> {
  const last = read.keys.at(-1);
  const range = last === undefined ? undefined : IDBKeyRange.lowerBound(last, true);
  const tx = db.transaction(SEGMENTS, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
  return { keys: [...read.keys, ...(keys as number[])], values: [...read.values, ...values] };
}

export type OpenOptions = {
  /** How many segments since the last compaction trigger one (tests use small numbers). */
  compactAfter?: number;
  /** The window of coalesced notifications (default COALESCE_MS). */
  coalesceMs?: number;
};

export type TransactOptions = {
  /**
   * A change the sync makes in bulk (a pulled page, a push answer), which nobody waits to see:
   * live queries hear of it at once when they heard of nothing in the last window, else once at
   * the window's end, with every background change since. Any other change (what a person did, the
   * end of a sync) is told at once and takes a pending notification along.
   */
  background?: boolean;
};

export class LocalStore {
  readonly state = new StoreState();
  /** Changes whenever the state changes (for live queries). */
  version = 0;
  private readonly listeners = new Set<() => void>();
  private lastId = 0;
  private sinceCompaction = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly channel: BroadcastChannel | null;
  private compactTimer: ReturnType<typeof setTimeout> | undefined;
  /** A trailing notification of background changes, pending. */
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  /** When listeners were last told (Date.now()); a window starts there. */
  private notifiedAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** LATER_KINDS segments not yet decrypted (null once they are in memory). */
  private pending: Pending | null = null;
  private laterLoad: Promise<void> | null = null;
  private laterTimer: ReturnType<typeof setTimeout> | undefined;
  quarantinedCount = 0;

  readonly userId: string;
  private readonly db: IDBPDatabase<Schema>;
  private readonly key: CryptoKey;
  private readonly options: OpenOptions;

  private constructor(userId: string, db: IDBPDatabase<Schema>, key: CryptoKey, options: OpenOptions) {
    this.userId = userId;
    this.db = db;
    this.key = key;
    this.options = options;
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(storeName(userId));
    if (this.channel) this.channel.onmessage = () => void this.exclusive(() => this.catchUp());
  }

  /**
   * Reads the user's sealed log without the key, so the unlock can read it while the KDF runs (it
   * is only ciphertext; nothing is decrypted or kept). Pass the result to open(), or close() it.
   */
  static async prefetch(userId: string): Promise<Prefetched> {
    const start = performance.now();
    const db = await openStoreDb(userId);
    const tx = db.transaction(SEGMENTS, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    performance.measure('unlock:read', { start });
    let used = false;
    return {
      take: () => {
        if (used) return null;
        used = true;
        return { db, keys: keys as number[], values };
      },
      close: () => {
        if (!used) db.close();
        used = true;
      },
    };
  }

  /**
   * Opens and decrypts the user's store with the data key (creating it when it does not exist),
   * from its log as `prefetched` read it when given (anything written since is read after it).
   */
  static async open(
    userId: string,
    key: CryptoKey,
    options: OpenOptions = {},
    prefetched?: Prefetched,
  ): Promise<LocalStore> {
    const taken = prefetched?.take() ?? null;
    const db = taken?.db ?? (await openStoreDb(userId));
    const store = new LocalStore(userId, db, key, options);
    try {
      await store.exclusive(async () => store.catchUp(true, taken ? await topUp(db, taken) : undefined));
    } catch (error) {
      store.close();
      throw error;
    }
    // The rest comes in just after the first screen, or at once when something needs it.
    if (store.pending) store.laterTimer = setTimeout(() => void store.ready().catch(() => undefined), LATER_DELAY_MS);
    return store;
  }

  /**
   * Resolves when every record is in memory: at once, except just after unlock, while the
   * LATER_KINDS segments are still being decrypted. The reader awaits it before reading those kinds.
   */
  ready(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    this.laterLoad ??= this.exclusive(() => this.loadLater()).catch((error: unknown) => {
      this.laterLoad = null; // tried again by the next read
      throw error;
    });
    return this.laterLoad;
  }

  /** Whether reading `kind` must wait for ready(). */
  waitsFor(kind: string): boolean {
    return this.pending !== null && LATER_KINDS.has(kind);
  }

  /**
   * Decrypts and applies the segments the unlock left sealed, in their order; a row (or purge) the
   * first pass took from a later segment wins over an earlier one of these. Runs inside exclusive().
   */
  private async loadLater(): Promise<void> {
    const pending = this.pending;
    if (!pending || this.closed) return;
    clearTimeout(this.laterTimer);
    const start = performance.now();
    const segments = pending.segments.filter((s) => s.id > pending.resetAt);
    const bodies = await Promise.all(
      segments.map((s) => openJson<SegmentBody>(this.key, s.sealed).catch((error: unknown) => error as Error)),
    );
    if (this.closed) return;
    const damaged: { id: number; sealed: StoredSegment; reason: string }[] = [];
    const newer = (key: string, id: number) => (pending.touched.get(key) ?? 0) > id;
    bodies.forEach((body, i) => {
      const { id, sealed } = segments[i] as { id: number; sealed: StoredSegment };
      if (body instanceof Error) {
        damaged.push({ id, sealed, reason: body.message || 'decrypt' });
        return;
      }
      const rows = body.rows?.filter((r) => !newer(`${r.kind}/${r.id}`, id));
      const purged = body.purged?.filter(([kind, rid]) => !newer(`${kind}/${rid}`, id));
      this.state.apply({ v: 1, ...(rows ? { rows } : {}), ...(purged ? { purged } : {}) });
    });
    this.pending = null;
    if (damaged.length > 0) await this.quarantine(damaged);
    performance.measure('unlock:later', { start });
    this.changed();
  }

  /**
   * Reads and applies the segments written after the last one applied (by this tab or another).
   * At unlock (`first`) the LATER_KINDS segments stay sealed for ready(); otherwise they are
   * brought in first, so everything applies in the order written.
   */
  private async catchUp(first = false, prefetched?: { keys: number[]; values: StoredSegment[] }): Promise<boolean> {
    if (this.closed) return false;
    if (this.pending) await this.loadLater();
    const range = this.lastId > 0 ? IDBKeyRange.lowerBound(this.lastId, true) : undefined;
    const readStart = performance.now();
    const read = async () => {
      const tx = this.db.transaction(SEGMENTS, 'readonly');
      const [k, v] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
      // The unlock's parts, for the startup benchmark: reading the values, then opening and applying.
      if (first) performance.measure('unlock:read', { start: readStart });
      return [k, v] as const;
    };
    const [keys, values] = prefetched ? [prefetched.keys, prefetched.values] : await read();
    const openStart = performance.now();
    if (keys.length === 0) return false;
    const defer = first && values.some((v) => !v.later);
    const pending: Pending = { segments: [], touched: new Map(), resetAt: 0 };
    const bodies = await Promise.all(
      values.map((sealed) =>
        defer && sealed.later
          ? null
          : openJson<SegmentBody>(this.key, sealed).catch((error: unknown) => error as Error),
      ),
    );
    // Not one segment opens: the key is not this store's (never a reason to quarantine everything).
    const opened = bodies.filter((b) => b !== null);
    if (opened.length > 0 && opened.every((b) => b instanceof Error)) throw new WrongKeyError();
    const damaged: { id: number; sealed: StoredSegment; reason: string }[] = [];
    bodies.forEach((body, i) => {
      const id = keys[i] as number;
      const sealed = values[i] as StoredSegment;
      if (body === null) pending.segments.push({ id, sealed });
      else if (body instanceof Error) damaged.push({ id, sealed, reason: body.message || 'decrypt' });
      else {
        if (body.reset) {
          this.sinceCompaction = 0;
          pending.resetAt = id;
        }
        if (defer) {
          for (const r of body.rows ?? []) if (LATER_KINDS.has(r.kind)) pending.touched.set(`${r.kind}/${r.id}`, id);
          for (const [kind, rid] of body.purged ?? [])
            if (LATER_KINDS.has(kind)) pending.touched.set(`${kind}/${rid}`, id);
        }
        this.state.apply(body);
        this.sinceCompaction += 1;
      }
      this.lastId = id;
    });
    if (first) performance.measure('unlock:decrypt', { start: openStart });
    if (pending.segments.length > 0) {
      this.pending = pending;
      this.sinceCompaction += pending.segments.length;
    }
    if (damaged.length > 0) await this.quarantine(damaged);
    this.changed();
    return true;
  }

  /** A segment that does not open (damaged) moves to the quarantine, still sealed, and is counted. */
  private async quarantine(damaged: { id: number; sealed: StoredSegment; reason: string }[]) {
    const tx = this.db.transaction([SEGMENTS, QUARANTINE], 'readwrite');
    for (const d of damaged) {
      await tx
        .objectStore(QUARANTINE)
        .add({ segmentId: d.id, sealed: d.sealed, reason: d.reason, at: new Date().toISOString() });
      await tx.objectStore(SEGMENTS).delete(d.id);
    }
    await tx.done;
    this.quarantinedCount += damaged.length;
  }

  async quarantined(): Promise<number> {
    return this.db.count(QUARANTINE);
  }

  /** Runs `work` alone: one at a time in this tab, and one tab at a time for this user. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = () =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request(`${storeName(this.userId)}:write`, work)
        : work();
    const next = this.queue.then(run, run) as Promise<T>;
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Makes one atomic change: `build` reads the current state and records the change in `tx`; the
   * change is sealed and written to IndexedDB, and only then applied in memory. Resolves after the
   * write has committed. Nothing is written when the change is empty. See TransactOptions for when
   * live queries hear of it.
   */
  transact<T>(build: (tx: Tx) => T | Promise<T>, options: TransactOptions = {}): Promise<T> {
    return this.exclusive(async () => {
      if (this.closed) throw new Error('the store is locked');
      await this.catchUp();
      const tx = new Tx(this.state);
      const result = await build(tx);
      if (tx.empty) return result;
      const body = tx.body();
      const parts = await sealParts(this.key, body);
      const writeTx = this.db.transaction(SEGMENTS, 'readwrite', { durability: tx.userData ? 'strict' : 'default' });
      let id = this.lastId;
      // No other await inside the transaction: both parts of the change commit together or not at all.
      for (const part of parts) id = (await writeTx.store.add(part)) as number;
      await writeTx.done;
      this.lastId = id;
      this.state.apply(body);
      this.sinceCompaction += 1;
      this.changed(options.background === true && !tx.userData);
      this.channel?.postMessage(id);
      this.scheduleCompaction();
      return result;
    });
  }

  /**
   * Adds many segment bodies at once, atomically (the upgrade from the plain store): all are sealed
   * first, then written in ONE IndexedDB transaction, then applied. `quarantined` (rows an earlier
   * version had set aside) are sealed into the quarantine.
   */
  importBodies(bodies: SegmentBody[], quarantined: unknown[] = []): Promise<void> {
    return this.exclusive(async () => {
      await this.catchUp();
      const sealed = (await Promise.all(bodies.map((body) => sealParts(this.key, body)))).flat();
      const sealedQuarantine = quarantined.length > 0 ? await sealJson(this.key, quarantined) : null;
      const tx = this.db.transaction([SEGMENTS, QUARANTINE], 'readwrite', { durability: 'strict' });
      let last = this.lastId;
      // No other await inside the transaction: it would commit early and the import would not be atomic.
      for (const value of sealed) last = (await tx.objectStore(SEGMENTS).add(value)) as number;
      if (sealedQuarantine) {
        await tx.objectStore(QUARANTINE).add({
          segmentId: 0,
          sealed: sealedQuarantine,
          reason: 'quarantined by an earlier version',
          at: new Date().toISOString(),
        });
      }
      await tx.done;
      for (const body of bodies) this.state.apply(body);
      this.lastId = last;
      this.sinceCompaction += bodies.length;
      this.changed();
      this.channel?.postMessage(last);
    });
  }

  private scheduleCompaction() {
    if (this.sinceCompaction < (this.options.compactAfter ?? COMPACT_AFTER) || this.compactTimer) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      void this.compact().catch(() => undefined);
    }, 0);
  }

  /** Rewrites the log as a few large segments of the current state, atomically. */
  compact(): Promise<void> {
    return this.exclusive(async () => {
      if (this.closed) return;
      await this.catchUp();
      const bodies = this.state.snapshot();
      const sealed = (await Promise.all(bodies.map((body) => sealParts(this.key, body)))).flat();
      const tx = this.db.transaction(SEGMENTS, 'readwrite');
      const upTo = this.lastId;
      if (upTo > 0) await tx.store.delete(IDBKeyRange.upperBound(upTo));
      let last = upTo;
      // No other await inside the transaction: it would commit early and the compaction would not be atomic.
      for (const value of sealed) last = (await tx.store.add(value)) as number;
      await tx.done;
      this.lastId = last;
      this.sinceCompaction = bodies.length;
      this.channel?.postMessage(last);
    });
  }

  /** How many segments are on disk (for tests and the device page). */
  segmentCount(): Promise<number> {
    return this.db.count(SEGMENTS);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The state changed: tells the listeners now, or (a background change) at most once per window. */
  private changed(background = false) {
    this.version += 1;
    if (background) {
      if (this.notifyTimer !== undefined) return;
      const span = this.options.coalesceMs ?? COALESCE_MS;
      // Never longer than one window, even when the clock was set back since the last notification.
      const wait = Math.min(span, this.notifiedAt + span - Date.now());
      if (wait > 0) {
        this.notifyTimer = setTimeout(() => this.notify(), wait);
        return;
      }
    }
    this.notify();
  }

  private notify() {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    if (this.closed) return;
    this.notifiedAt = Date.now();
    for (const listener of this.listeners) listener();
  }

  /** Whether background changes wait to be told (for tests). */
  get notificationPending(): boolean {
    return this.notifyTimer !== undefined;
  }

  /** Drops the decrypted state from memory; the store must be opened again with the key. */
  close(): void {
    this.closed = true;
    // Locked: the decrypted records leave memory (a reset body empties every map and index).
    this.state.apply({ v: 1, reset: true });
    clearTimeout(this.compactTimer);
    clearTimeout(this.laterTimer);
    this.pending = null;
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    this.channel?.close();
    this.db.close();
    this.listeners.clear();
  }
}

/** Deletes a user's store from the device (a clean logout, a revoked device). */
export async function deleteStore(userId: string): Promise<void> {
  const { deleteDB } = await import('idb');
  await deleteDB(storeName(userId));
}
