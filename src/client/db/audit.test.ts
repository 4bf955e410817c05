import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRecorder } from './audit.ts';
import { openDb, type TusindDageDb } from './db.ts';
import { recordReader } from './reader.ts';
import { recordWriter, ValidationError } from './records.ts';

let database: TusindDageDb;
const userId = '0fc6b3d2-4a5e-4f60-8172-93a4b5c6d7e8';
const at = new Date('2026-03-02T08:15:00.000Z');

beforeEach(async () => {
  database = openDb(`test-${crypto.randomUUID()}`);
  await database.open();
});
afterEach(async () => {
  await database.delete();
});

const recorder = () =>
  auditRecorder({
    writer: recordWriter(database),
    records: recordReader(database),
    userId: async () => userId,
    now: () => at,
  });

describe('device audit events', () => {
  it('are one auditEvent record in the outbox with the user, the device time, ids and codes only', async () => {
    const writer = recordWriter(database);
    const familyId = await writer.create('family', { name: 'Familien Jensen', address: 'Havnevej 3' });
    const childId = await writer.create('child', {
      familyId,
      firstName: 'Alma',
      sex: 'pige',
      birthDate: '2025-03-14',
      cpr: '1403254234', // 14 March 2025
    });
    await recorder()({ action: 'open', what: 'child', familyId, childId, recordId: childId });

    const rows = await database.auditEvents.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'auditEvent', sync: 'pending', familyId });
    expect(rows[0]?.payload.data).toEqual({
      action: 'open',
      what: 'child',
      familyId,
      childId,
      recordId: childId,
      userId,
      at: at.toISOString(),
      recordedAt: '',
    });
    const outbox = (await database.outbox.toArray()).filter((e) => e.kind === 'auditEvent');
    expect(outbox).toMatchObject([{ op: 'create', baseRev: 0, state: 'pending' }]);
    expect(JSON.stringify(outbox)).not.toMatch(/Jensen|Alma|Havnevej|1403254234/);
  });

  it('leave out a family the server refused to create, so the event itself is not refused', async () => {
    const familyId = await recordWriter(database).create('family', { name: 'Familien Afvist' });
    const row = await database.families.get(familyId);
    if (!row) throw new Error('no row');
    await database.families.put({ ...row, sync: 'rejected' });
    await recorder()({ action: 'export', what: 'rejected-change', familyId, recordId: familyId });
    const [event] = await database.auditEvents.toArray();
    expect(event?.payload.data).toMatchObject({ familyId: '', recordId: familyId });
  });

  it('keep an archived family (it is on the server)', async () => {
    const writer = recordWriter(database);
    const familyId = await writer.create('family', { name: 'Familien Arkiv' });
    const row = await database.families.get(familyId);
    if (!row) throw new Error('no row');
    await database.families.put({ ...row, rev: 2, sync: 'synced', deleted: 1 });
    await recorder()({ action: 'open', what: 'family', familyId });
    const [event] = await database.auditEvents.toArray();
    expect(event?.payload.data).toMatchObject({ familyId });
  });

  it('refuse a code that is not a code (no free text in the log)', async () => {
    await expect(recorder()({ action: 'open', what: 'Familien Jensen' })).rejects.toBeInstanceOf(ValidationError);
    expect(await database.auditEvents.count()).toBe(0);
  });
});
