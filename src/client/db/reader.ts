/**
 * Reading records: rows are decoded through the codec and parsed with the shared schema. A row that
 * fails (damaged, or written by a buggy version) is moved to the quarantine table after the read,
 * so one bad row never crashes a screen; its raw content is kept there for repair or export.
 */

import type * as z from 'zod/mini';
import type { MunicipalitySettings } from '../../shared/caseload/settings.ts';
import type { IndexOf, KindData, RecordKind } from '../../shared/schemas/kinds.ts';
import { decodePayload } from './codec.ts';
import { type LocalRecord, type SyncState, type TusindDageDb, tableFor } from './db.ts';
import { schemaFor } from './schemas.ts';

export type RecordView<K extends RecordKind> = {
  id: string;
  rev: number;
  /** The server's commit order (null until synced): decides "latest", never the device clock. */
  seq: number | null;
  sync: SyncState;
  updatedAt: string;
  updatedBy: string;
  data: KindData[K];
};

export function recordReader(database: TusindDageDb) {
  const damaged = new Map<string, { table: string; row: unknown; reason: string }>();
  let flushScheduled = false;

  /** Runs outside the read transaction (a liveQuery is read-only). */
  const scheduleQuarantine = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setTimeout(async () => {
      flushScheduled = false;
      const batch = [...damaged.entries()];
      damaged.clear();
      for (const [key, { table, row, reason }] of batch) {
        await database.transaction('rw', [database.table(table), database.quarantine], async () => {
          await database.quarantine.add({ table, key, raw: row, reason, at: new Date().toISOString() });
          await database.table(table).delete(key);
        });
      }
    }, 0);
  };

  const view = <K extends RecordKind>(
    kind: K,
    row: LocalRecord<K> | undefined,
    schema: z.ZodMiniType,
  ): RecordView<K> | undefined => {
    if (!row || row.deleted) return undefined;
    const decoded = decodePayload(kind, row.payload, schema);
    if (!decoded.ok || typeof row.id !== 'string') {
      const reason = decoded.ok ? 'missing id' : decoded.reason;
      damaged.set(String(row.id), { table: tableFor(kind, database).name, row, reason });
      scheduleQuarantine();
      return undefined;
    }
    return {
      id: row.id,
      rev: row.rev,
      seq: row.seq ?? null,
      sync: row.sync,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
      data: decoded.data,
    };
  };

  const views = async <K extends RecordKind>(kind: K, rows: LocalRecord<K>[]): Promise<RecordView<K>[]> => {
    const schema = await schemaFor(kind);
    return rows.map((row) => view(kind, row, schema)).filter((v): v is RecordView<K> => v !== undefined);
  };

  return {
    async get<K extends RecordKind>(kind: K, id: string): Promise<RecordView<K> | undefined> {
      const [schema, row] = await Promise.all([schemaFor(kind), tableFor(kind, database).get(id)]);
      return view(kind, row, schema);
    },
    /** Also a deleted record (tombstone), e.g. for the conflict view. */
    async getWithDeleted<K extends RecordKind>(
      kind: K,
      id: string,
    ): Promise<(RecordView<K> & { deleted: boolean }) | undefined> {
      const [schema, row] = await Promise.all([schemaFor(kind), tableFor(kind, database).get(id)]);
      if (!row) return undefined;
      const found = view(kind, { ...row, deleted: 0 }, schema);
      return found ? { ...found, deleted: row.deleted === 1 } : undefined;
    },
    async all<K extends RecordKind>(kind: K): Promise<RecordView<K>[]> {
      return views(kind, await tableFor(kind, database).toArray());
    },
    /** The deleted (archived) records of a kind: kept, shown read-only, never hidden. */
    async archived<K extends RecordKind>(kind: K): Promise<RecordView<K>[]> {
      const rows = (await tableFor(kind, database).toArray()).filter((row) => row.deleted === 1);
      return views(
        kind,
        rows.map((row) => ({ ...row, deleted: 0 as const })),
      );
    },
    async childrenOfFamily(familyId: string): Promise<RecordView<'child'>[]> {
      return views('child', await database.children.where('familyId').equals(familyId).toArray());
    },
    /** Records of a kind that belong to a family (caregivers, consents, contacts, children). */
    async ofFamily<K extends 'child' | 'caregiver' | 'consent' | 'contact'>(
      kind: K,
      familyId: string,
    ): Promise<RecordView<K>[]> {
      return views(kind, await tableFor(kind, database).where('familyId').equals(familyId).toArray());
    },
    /** Records of a kind whose indexed field has a value (the indexes its registry entry declares). */
    async byIndex<K extends RecordKind>(kind: K, index: IndexOf<K>, value: string): Promise<RecordView<K>[]> {
      return views(kind, await tableFor(kind, database).where(index).equals(value).toArray());
    },
    async contactsOfChild(childId: string): Promise<RecordView<'contact'>[]> {
      return views('contact', await database.contacts.where('childId').equals(childId).toArray());
    },
    /** The team's municipality settings: the first settings record by id, or the defaults. */
    async settings(): Promise<{ id: string | null; rev: number; data: MunicipalitySettings }> {
      const found = (await views('settings', await database.settings.orderBy('id').toArray()))[0];
      if (found) return { id: found.id, rev: found.rev, data: found.data };
      const { defaultSettings } = await import('../../shared/caseload/settings.ts');
      return { id: null, rev: 0, data: defaultSettings };
    },
    async childrenOfFamilies(): Promise<Map<string, RecordView<'child'>[]>> {
      const byFamily = new Map<string, RecordView<'child'>[]>();
      for (const child of await views('child', await database.children.toArray())) {
        const list = byFamily.get(child.data.familyId) ?? [];
        list.push(child);
        byFamily.set(child.data.familyId, list);
      }
      return byFamily;
    },
    async deviceCounts(): Promise<{ records: number; pending: number; quarantined: number }> {
      const [families, children, pending, quarantined] = await Promise.all([
        database.families.count(),
        database.children.count(),
        database.outbox.where('state').equals('pending').count(),
        database.quarantine.count(),
      ]);
      return { records: families + children, pending, quarantined };
    },
  };
}

export type RecordReader = ReturnType<typeof recordReader>;
