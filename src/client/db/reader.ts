/**
 * Reading records from the unlocked store's memory (state.ts): views with the record's data, its
 * revision, the server's commit order and its derived sync state. Deleted records (tombstones) are
 * left out except where asked for (archived records stay reachable: nothing signed is hidden). The
 * data was validated when written (by the writer or the server) and is authenticated by AES-GCM on
 * disk; a background check after an app update quarantines what no longer fits (validate.ts).
 */
import { type LockSettings, lockSettingsOf } from '../../shared/auth/lock-defaults.ts';
import type { MunicipalitySettings } from '../../shared/caseload/settings.ts';
import type { IndexOf, KindData, RecordKind } from '../../shared/schemas/kinds.ts';
import type { LocalStore } from './local-store.ts';
import type { LocalRow, StoreState, SyncState } from './state.ts';

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

export function viewOf<K extends RecordKind>(state: StoreState, row: LocalRow<K>): RecordView<K> {
  return {
    id: row.id,
    rev: row.rev,
    seq: row.seq ?? null,
    sync: state.syncState(row.id),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    data: row.data as KindData[K],
  };
}

export function recordReader(store: () => LocalStore) {
  const state = () => store().state;
  /** Just after unlock, the largest kinds are still being decrypted: their reads wait (never a partial answer). */
  const loaded = async (kind: RecordKind) => {
    const s = store();
    if (s.waitsFor(kind)) await s.ready();
  };
  const live = <K extends RecordKind>(rows: Iterable<LocalRow<K>>): RecordView<K>[] => {
    const s = state();
    const out: RecordView<K>[] = [];
    for (const row of rows) if (!row.deleted) out.push(viewOf(s, row));
    return out;
  };

  return {
    async get<K extends RecordKind>(kind: K, id: string): Promise<RecordView<K> | undefined> {
      await loaded(kind);
      const row = state().get(kind, id);
      return row && !row.deleted ? viewOf(state(), row) : undefined;
    },
    /** Also a deleted record (tombstone), e.g. for the conflict view or an archived family. */
    async getWithDeleted<K extends RecordKind>(
      kind: K,
      id: string,
    ): Promise<(RecordView<K> & { deleted: boolean }) | undefined> {
      await loaded(kind);
      const row = state().get(kind, id);
      return row ? { ...viewOf(state(), row), deleted: row.deleted === 1 } : undefined;
    },
    async all<K extends RecordKind>(kind: K): Promise<RecordView<K>[]> {
      await loaded(kind);
      return live(state().rowsOf(kind));
    },
    /** The deleted (archived) records of a kind: kept, shown read-only, never hidden. */
    async archived<K extends RecordKind>(kind: K): Promise<RecordView<K>[]> {
      await loaded(kind);
      const s = state();
      return [...s.rowsOf(kind)].filter((row) => row.deleted).map((row) => viewOf(s, row));
    },
    async childrenOfFamily(familyId: string): Promise<RecordView<'child'>[]> {
      return live(state().byIndex('child', 'familyId', familyId));
    },
    /** Records of a kind that belong to a family (caregivers, consents, contacts, children). */
    async ofFamily<K extends 'child' | 'caregiver' | 'consent' | 'contact'>(
      kind: K,
      familyId: string,
    ): Promise<RecordView<K>[]> {
      await loaded(kind);
      return live(state().byIndex(kind, 'familyId', familyId));
    },
    /** Records of a kind whose indexed field has a value (the indexes its registry entry declares). */
    async byIndex<K extends RecordKind>(kind: K, index: IndexOf<K>, value: string): Promise<RecordView<K>[]> {
      await loaded(kind);
      return live(state().byIndex(kind, index, value));
    },
    async contactsOfChild(childId: string): Promise<RecordView<'contact'>[]> {
      return live(state().byIndex('contact', 'childId', childId));
    },
    /** The team's municipality settings: the first settings record by id, or the defaults. */
    async settings(): Promise<{ id: string | null; rev: number; data: MunicipalitySettings }> {
      const found = live(state().rowsOf('settings')).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
      if (found) return { id: found.id, rev: found.rev, data: found.data };
      const { defaultSettings } = await import('../../shared/caseload/settings.ts');
      return { id: null, rev: 0, data: defaultSettings };
    },
    /**
     * The team's lock settings, without the settings module (and its zod): the auto-lock reads
     * them on the first screen. Defaults when the team has no settings record.
     */
    async lockSettings(): Promise<LockSettings> {
      const found = live(state().rowsOf('settings')).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
      return lockSettingsOf(found?.data);
    },
    async childrenOfFamilies(): Promise<Map<string, RecordView<'child'>[]>> {
      const byFamily = new Map<string, RecordView<'child'>[]>();
      for (const child of live(state().rowsOf('child'))) {
        const list = byFamily.get(child.data.familyId) ?? [];
        list.push(child);
        byFamily.set(child.data.familyId, list);
      }
      return byFamily;
    },
    async deviceCounts(): Promise<{ records: number; pending: number; quarantined: number }> {
      const s = state();
      let pending = 0;
      for (const entry of s.outbox.values()) if (entry.state === 'pending') pending += 1;
      return {
        records: s.countOf('family') + s.countOf('child'),
        pending,
        quarantined: await store().quarantined(),
      };
    },
  };
}

export type RecordReader = ReturnType<typeof recordReader>;
