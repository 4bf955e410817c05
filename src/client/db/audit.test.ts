/** Device audit events: what one call writes into the encrypted store and its outbox. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../../../tests/setup/test-store.ts';
import { auditRecorder } from './audit.ts';
import type { LocalStore } from './local-store.ts';
import { recordReader } from './reader.ts';
import { recordWriter, ValidationError } from './records.ts';

let store: LocalStore;
let remove: () => Promise<void>;
const userId = '0fc6b3d2-4a5e-4f60-8172-93a4b5c6d7e8';
const at = new Date('2026-03-02T08:15:00.000Z');

beforeEach(async () => {
  ({ store, remove } = await openTestStore());
});
afterEach(async () => {
  await remove();
});

const recordWriterOf = () => recordWriter(() => store);
const recorder = () =>
  auditRecorder({
    writer: recordWriterOf(),
    records: recordReader(() => store),
    userId: async () => userId,
    now: () => at,
  });
const auditRows = () => [...store.state.rowsOf('auditEvent')];
const outbox = () => [...store.state.outbox.values()];

describe('device audit events', () => {
  it('are one auditEvent record in the outbox with the user, the device time, ids and codes only', async () => {
    const writer = recordWriterOf();
    const familyId = await writer.create('family', { name: 'Familien Jensen', address: 'Havnevej 3' });
    const childId = await writer.create('child', {
      familyId,
      firstName: 'Alma',
      sex: 'pige',
      birthDate: '2025-03-14',
      cpr: '1403254234', // 14 March 2025
    });
    await recorder()({ action: 'open', what: 'child', familyId, childId, recordId: childId });

    const rows = auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'auditEvent' });
    expect(store.state.syncState(rows[0]?.id ?? '')).toBe('pending');
    expect(rows[0]?.data).toEqual({
      action: 'open',
      what: 'child',
      familyId,
      childId,
      recordId: childId,
      userId,
      at: at.toISOString(),
      recordedAt: '',
    });
    const queued = outbox().filter((e) => e.kind === 'auditEvent');
    expect(queued).toMatchObject([{ op: 'create', baseRev: 0, state: 'pending' }]);
    expect(JSON.stringify(queued)).not.toMatch(/Jensen|Alma|Havnevej|1403254234/);
  });

  it('leave out a family the server refused to create, so the event itself is not refused', async () => {
    const familyId = await recordWriterOf().create('family', { name: 'Familien Afvist' });
    await store.transact((tx) => {
      for (const entry of tx.entriesOf(familyId)) tx.putEntry({ ...entry, state: 'rejected' });
    });
    expect(store.state.syncState(familyId)).toBe('rejected');
    await recorder()({ action: 'export', what: 'rejected-change', familyId, recordId: familyId });
    const [event] = auditRows();
    expect(event?.data).toMatchObject({ familyId: '', recordId: familyId });
  });

  it('keep an archived family (it is on the server)', async () => {
    const familyId = crypto.randomUUID();
    await store.transact((tx) =>
      tx.put({
        id: familyId,
        kind: 'family',
        rev: 2,
        updatedAt: '2026-03-01T10:00:00.000Z',
        updatedBy: 'Mette',
        deleted: 1,
        data: { name: 'Familien Arkiv' },
      }),
    );
    await recorder()({ action: 'open', what: 'family', familyId });
    const [event] = auditRows();
    expect(event?.data).toMatchObject({ familyId });
  });

  it('refuse a code that is not a code (no free text in the log)', async () => {
    await expect(recorder()({ action: 'open', what: 'Familien Jensen' })).rejects.toBeInstanceOf(ValidationError);
    expect(auditRows()).toHaveLength(0);
  });
});
