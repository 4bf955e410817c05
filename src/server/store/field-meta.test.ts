import { describe, expect, it } from 'vitest';
import { touchFields } from '../sync/decide.ts';
import { decodeFieldMeta, encodeFieldMeta } from './records.ts';

const data = { name: 'Jensen', notes: '', status: 'aktiv' };

describe('field metadata on disk', () => {
  it('stores one entry for a create, and decodes it to the same FieldMeta', () => {
    const meta = touchFields({}, Object.keys(data), 1, 'ipad-anna');
    const text = encodeFieldMeta(meta, data);
    expect(text).toBe('[1,"ipad-anna"]');
    expect(decodeFieldMeta(text, data)).toEqual(meta);
  });

  it('keeps the full form when fields differ, have agreeing devices, or do not match the document', () => {
    const mixed = touchFields(touchFields({}, Object.keys(data), 1, 'a'), ['notes'], 2, 'b');
    expect(decodeFieldMeta(encodeFieldMeta(mixed, data), data)).toEqual(mixed);
    const agreed = { ...touchFields({}, Object.keys(data), 1, 'a'), status: { rev: 1, device: 'a', agreed: ['b'] } };
    expect(JSON.parse(encodeFieldMeta(agreed, data))).toEqual(agreed);
    const fewer = touchFields({}, ['name'], 1, 'a');
    expect(JSON.parse(encodeFieldMeta(fewer, data))).toEqual(fewer);
    expect(JSON.parse(encodeFieldMeta({}, {}))).toEqual({});
  });
});
