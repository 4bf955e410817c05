import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreeFields,
  type CurrentRecord,
  decideDelete,
  decideUpdate,
  type FieldMeta,
  fieldsChangedByOthers,
  sameValue,
  touchFields,
} from './decide.ts';

const record = (rev: number, fieldMeta: FieldMeta, data: Record<string, unknown> = {}, deleted = false) =>
  ({ rev, deleted, data, fieldMeta }) satisfies CurrentRecord;

// Created by A at rev 1 (name, notes), then B changed notes at rev 2 and A changed address at rev 3.
const history = record(
  3,
  { name: { rev: 1, device: 'A' }, notes: { rev: 2, device: 'B' }, address: { rev: 3, device: 'A' } },
  { name: 'Jensen', notes: 'B wrote this', address: 'Vej 1' },
);

const update = (
  current: CurrentRecord,
  baseRev: number,
  deviceId: string,
  patch: Record<string, unknown>,
  mergeable = true,
) => decideUpdate({ current, baseRev, deviceId, patch, mergeable });

describe('decideUpdate', () => {
  it('applies when the base is the current revision', () => {
    expect(update(history, 3, 'C', { notes: 'x' })).toEqual({ outcome: 'apply' });
  });

  it('applies when only this device wrote since the base', () => {
    expect(update(history, 2, 'A', { address: 'Vej 2', notes: 'x' })).toEqual({ outcome: 'apply' });
  });

  it('merges when others changed other fields', () => {
    expect(update(history, 1, 'A', { name: 'Hansen' })).toEqual({ outcome: 'merge' });
    expect(update(history, 1, 'C', { tovholder: 'Anna' })).toEqual({ outcome: 'merge' });
  });

  it('conflicts on a field others changed since the base, listing only the overlap', () => {
    expect(update(history, 1, 'A', { notes: 'A wrote this', name: 'Hansen' })).toEqual({
      outcome: 'conflict',
      fields: ['notes'],
    });
    expect(update(history, 1, 'C', { address: 'Vej 9', notes: 'C', name: 'x' })).toEqual({
      outcome: 'conflict',
      fields: ['address', 'notes'],
    });
  });

  it('treats setting the same value as agreement', () => {
    expect(update(history, 1, 'A', { notes: 'B wrote this' })).toEqual({ outcome: 'merge' });
  });

  it('conflicts on any concurrent change when the kind is not mergeable', () => {
    expect(update(history, 1, 'A', { name: 'Hansen' }, false)).toEqual({ outcome: 'conflict', fields: ['notes'] });
  });

  it('conflicts when editing a deleted record (edit versus delete)', () => {
    const deleted = record(4, history.fieldMeta, history.data, true);
    expect(update(deleted, 4, 'A', { name: 'x' })).toEqual({ outcome: 'conflict', fields: ['name'] });
  });

  it('conflicts when the base is newer than the server', () => {
    expect(update(history, 7, 'A', { name: 'x' })).toEqual({ outcome: 'conflict', fields: ['name'] });
  });

  it("never conflicts between one device's successive edits from the same base (property)", () => {
    const fields = ['name', 'notes', 'address', 'status'];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(fields, { minLength: 1 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (edits, startRev) => {
          let current = record(startRev, touchFields({}, fields, startRev, 'other'));
          for (const [i, edit] of edits.entries()) {
            const patch = Object.fromEntries(edit.map((f) => [f, `v${i}`]));
            const decision = update(current, startRev, 'me', patch);
            expect(decision.outcome).toBe('apply');
            const rev = current.rev + 1;
            current = record(rev, touchFields(current.fieldMeta, edit, rev, 'me'), { ...current.data, ...patch });
          }
        },
      ),
    );
  });
});

describe('decideDelete', () => {
  it('applies from the current revision or when only this device wrote since', () => {
    expect(decideDelete({ current: history, baseRev: 3, deviceId: 'C' })).toEqual({ outcome: 'apply' });
    expect(decideDelete({ current: history, baseRev: 2, deviceId: 'A' })).toEqual({ outcome: 'apply' });
  });

  it('conflicts when others changed the record since the base (delete versus edit)', () => {
    expect(decideDelete({ current: history, baseRev: 1, deviceId: 'A' })).toEqual({
      outcome: 'conflict',
      fields: ['notes'],
    });
    expect(decideDelete({ current: history, baseRev: 9, deviceId: 'A' })).toEqual({ outcome: 'conflict', fields: [] });
  });

  it('is a no-op on a deleted record', () => {
    const deleted = record(4, history.fieldMeta, history.data, true);
    expect(decideDelete({ current: deleted, baseRev: 1, deviceId: 'B' })).toEqual({ outcome: 'noop' });
  });
});

describe('sameValue', () => {
  it('compares JSON structurally', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});

describe('agreement', () => {
  it('lets every device that agreed with a value edit it again without a conflict, but not others', () => {
    const meta = agreeFields({ notes: { rev: 2, device: 'mette' } }, ['notes'], 'hanne');
    expect(meta.notes).toEqual({ rev: 2, device: 'mette', agreed: ['hanne'] });
    expect(fieldsChangedByOthers(meta, 1, 'mette')).toEqual([]);
    expect(fieldsChangedByOthers(meta, 1, 'hanne')).toEqual([]);
    expect(fieldsChangedByOthers(meta, 1, 'birgit')).toEqual(['notes']);
    // A real change resets the owners to the new writer.
    expect(touchFields(meta, ['notes'], 3, 'birgit').notes).toEqual({ rev: 3, device: 'birgit' });
  });
});
