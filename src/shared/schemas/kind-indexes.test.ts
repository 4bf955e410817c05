import { describe, expect, it } from 'vitest';
import { isKnownKind, kindIndexes } from './kind-indexes.ts';
import { isRecordKind, recordKinds, registry } from './kinds.ts';

describe('the device’s copy of the indexes', () => {
  it('is the registry’s, kind by kind, with no kind more or less', () => {
    expect(Object.keys(kindIndexes).sort()).toEqual([...recordKinds].sort());
    for (const kind of recordKinds) expect(kindIndexes[kind], kind).toEqual(registry[kind].indexes);
  });

  it('knows the same kinds as the registry', () => {
    for (const value of [...recordKinds, 'unknownKind', '__proto__', 'toString', 7, null])
      expect(isKnownKind(value)).toBe(isRecordKind(value));
  });
});
