/**
 * The local rows one push answer or one pulled page touches, read with one bulkGet per table,
 * changed in memory in the order the answer or page gives, and written back with one bulkPut per
 * table. IndexedDB answers each request with a round trip, so reading and writing a page of 1,000
 * records one by one spent most of its time waiting. Use inside one transaction.
 */
import type { Table } from 'dexie';
import type { RecordKind } from '../../shared/schemas/kinds.ts';
import { type LocalRecord, type TusindDageDb, tableFor } from '../db/db.ts';

export type LocalRows = {
  /** Marks a row to be read by the next `load`. */
  want(kind: RecordKind, id: string): void;
  /** Reads the wanted rows; `mostlyNew`: most are probably not on the device (a pulled page). */
  load(options?: { mostlyNew?: boolean }): Promise<void>;
  /** The row as changed so far (undefined: not on this device, or not loaded). */
  get(kind: RecordKind, id: string): LocalRecord | undefined;
  set(kind: RecordKind, row: LocalRecord): void;
  /** Writes the rows set since the last flush. */
  flush(): Promise<void>;
};

/** Structural equality of stored values (plain objects, arrays, primitives; key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/**
 * The keys among `keys` that may exist. A first download asks for rows the device does not have:
 * reading all keys of a table not much bigger than the request (one request, keys only) is
 * cheaper than a read per missing row.
 */
async function presentKeys(table: Table<LocalRecord, string>, keys: string[]): Promise<string[]> {
  if (keys.length < 64) return keys;
  const size = await table.count();
  if (size === 0) return [];
  if (size > 8 * keys.length) return keys;
  const existing = new Set(await table.toCollection().primaryKeys());
  return keys.filter((key) => existing.has(key));
}

export function localRows(database: TusindDageDb): LocalRows {
  const wanted = new Map<RecordKind, Set<string>>();
  const rows = new Map<RecordKind, Map<string, LocalRecord | undefined>>();
  const dirty = new Map<RecordKind, Set<string>>();
  const rowsOf = (kind: RecordKind) => {
    let map = rows.get(kind);
    if (!map) {
      map = new Map();
      rows.set(kind, map);
    }
    return map;
  };
  const add = (sets: Map<RecordKind, Set<string>>, kind: RecordKind, id: string) => {
    const ids = sets.get(kind) ?? new Set<string>();
    ids.add(id);
    sets.set(kind, ids);
  };

  return {
    want(kind, id) {
      if (!rowsOf(kind).has(id)) add(wanted, kind, id);
    },

    async load(options = {}) {
      const reads = [...wanted].map(async ([kind, ids]) => {
        const table = tableFor(kind, database) as unknown as Table<LocalRecord, string>;
        const keys = options.mostlyNew ? await presentKeys(table, [...ids]) : [...ids];
        const found = keys.length > 0 ? await table.bulkGet(keys) : [];
        const map = rowsOf(kind);
        keys.forEach((id, i) => {
          if (!map.has(id)) map.set(id, found[i]);
        });
        for (const id of ids) if (!map.has(id)) map.set(id, undefined);
      });
      wanted.clear();
      await Promise.all(reads);
    },

    get(kind, id) {
      return rows.get(kind)?.get(id);
    },

    set(kind, row) {
      rowsOf(kind).set(row.id, row);
      add(dirty, kind, row.id);
    },

    async flush() {
      const writes = [...dirty].map(([kind, ids]) => {
        const map = rowsOf(kind);
        const changed = [...ids].map((id) => map.get(id)).filter((row) => row !== undefined);
        return tableFor(kind, database).bulkPut(changed as never);
      });
      dirty.clear();
      await Promise.all(writes);
    },
  };
}
