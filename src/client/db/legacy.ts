/**
 * The upgrade from the plain store of earlier versions (one Dexie database "tusind-dage", every
 * row's data in the clear): on the first login of the user it belongs to, everything it holds — the
 * records with their revisions, the outbox in its order, drafts, conflicts, quarantined rows, the
 * device id, the checkpoint — is sealed into her encrypted store in ONE IndexedDB transaction, and
 * then the plain database is deleted. Killed half-way, nothing was imported (the transaction never
 * committed) and the next login starts again; killed after the import, the marker in the new store
 * says so and only the deletion is repeated. Nothing is read but what was written by the app.
 */

import { deleteDB, type IDBPDatabase, wrap } from 'idb';
import { type KindSpec, recordKinds, registry } from '../../shared/schemas/kinds.ts';
import { LEGACY_DB_NAME } from './legacy-probe.ts';
import type { LocalStore } from './local-store.ts';
import type { LocalRow, OutboxEntry, SegmentBody } from './state.ts';

export const LEGACY_DB = LEGACY_DB_NAME;
export const MIGRATED = 'migratedFromPlainStore';

type Plain = { format?: string; data?: Record<string, unknown> };
type LegacyRow = Omit<LocalRow, 'data'> & { payload?: Plain; sync?: string };
type LegacyEntry = Omit<OutboxEntry, 'data'> & { data: Plain | null };

export type LegacyContents = {
  sessionUser: { id: string; username: string } | null;
  deviceId: string | null;
  meta: Map<string, unknown>;
  rows: LocalRow[];
  outbox: OutboxEntry[];
  quarantine: unknown[];
};

/** Opens the plain database if it exists (never creates it: an open that would create it is aborted). */
function openLegacy() {
  return new Promise<IDBPDatabase | null>((resolve) => {
    const request = indexedDB.open(LEGACY_DB);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(wrap(request.result));
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

const dataOf = (payload: Plain | null | undefined) =>
  payload && typeof payload.data === 'object' ? payload.data : null;

export async function readLegacy(): Promise<LegacyContents | null> {
  const db = await openLegacy();
  if (!db) return null;
  try {
    const names = new Set(db.objectStoreNames);
    const meta = new Map<string, unknown>();
    if (names.has('meta'))
      for (const entry of (await db.getAll('meta')) as { key: string; value: unknown }[])
        meta.set(entry.key, entry.value);
    const rows: LocalRow[] = [];
    for (const kind of recordKinds) {
      const table = (registry[kind] as KindSpec).legacyTable;
      if (!table || !names.has(table)) continue;
      for (const row of (await db.getAll(table)) as LegacyRow[]) {
        const data = dataOf(row.payload);
        if (!data || typeof row.id !== 'string') continue;
        rows.push({
          id: row.id,
          kind,
          rev: row.rev,
          ...(typeof row.seq === 'number' ? { seq: row.seq } : {}),
          updatedAt: row.updatedAt,
          updatedBy: row.updatedBy,
          deleted: row.deleted ? 1 : 0,
          data,
        });
      }
    }
    const outbox: OutboxEntry[] = names.has('outbox')
      ? ((await db.getAll('outbox')) as LegacyEntry[]).map((e) => ({ ...e, data: dataOf(e.data) }))
      : [];
    const quarantine = names.has('quarantine') ? await db.getAll('quarantine') : [];
    const session = meta.get('session') as { user?: { id?: unknown; username?: unknown } } | undefined;
    const device = meta.get('device') as { deviceId?: unknown } | undefined;
    return {
      sessionUser:
        typeof session?.user?.id === 'string' && typeof session.user.username === 'string'
          ? { id: session.user.id, username: session.user.username }
          : null,
      deviceId: typeof device?.deviceId === 'string' ? device.deviceId : null,
      meta,
      rows,
      outbox: outbox.sort((a, b) => a.clientSeq - b.clientSeq),
      quarantine,
    };
  } finally {
    db.close();
  }
}

/** The plain store's contents as segment bodies of the encrypted store, added to what it holds. */
export function legacyBodies(legacy: LegacyContents, keepMeta: [string, unknown][], chunk = 2000): SegmentBody[] {
  const carried = ['checkpoint', 'lastSync']
    .filter((key) => legacy.meta.has(key))
    .map((key): [string, unknown] => [key, legacy.meta.get(key)]);
  const high = legacy.outbox.reduce((max, e) => Math.max(max, e.clientSeq), 0);
  const bodies: SegmentBody[] = [
    {
      v: 1,
      meta: [...carried, ...keepMeta, ['clientSeqHigh', high], [MIGRATED, new Date().toISOString()]],
      outbox: legacy.outbox,
      rows: legacy.rows.slice(0, chunk),
    },
  ];
  for (let i = chunk; i < legacy.rows.length; i += chunk) bodies.push({ v: 1, rows: legacy.rows.slice(i, i + chunk) });
  return bodies;
}

/**
 * Moves the plain store into `store` when it belongs to the store's user; returns what happened.
 * `keepMeta` are the new store's own meta entries (session, device) that the reset must keep.
 */
export async function migrateLegacy(
  store: LocalStore,
  keepMeta: [string, unknown][],
): Promise<'none' | 'other-user' | 'migrated' | 'cleaned'> {
  const legacy = await readLegacy();
  if (!legacy) return 'none';
  const empty = legacy.rows.length === 0 && legacy.outbox.length === 0;
  // Another nurse's work waits for her own login (a logged-out plain store is empty and just goes).
  if (legacy.sessionUser ? legacy.sessionUser.id !== store.userId : !empty) return 'other-user';
  if (!store.state.meta.has(MIGRATED)) {
    await store.importBodies(legacyBodies(legacy, keepMeta), legacy.quarantine);
    await deleteDB(LEGACY_DB);
    return 'migrated';
  }
  await deleteDB(LEGACY_DB);
  return 'cleaned';
}
