import { describe, expect, it } from 'vitest';
import { indexNames, isRecordKind, recordKinds, schemasOf, specOf } from './kinds.ts';

describe('the record-kind registry', () => {
  it('refers only to registered kinds, by fields its schema has', async () => {
    for (const kind of recordKinds) {
      const { base } = await schemasOf(kind);
      for (const [field, targets] of Object.entries(specOf(kind).refs ?? {})) {
        expect({ kind, field, known: Object.hasOwn(base.shape, field) }).toEqual({ kind, field, known: true });
        for (const target of targets)
          expect({ kind, field, target, ok: isRecordKind(target) }).toMatchObject({ ok: true });
      }
    }
  });

  it('indexes only fields of its schema, and names each legacy table once', async () => {
    const tables = new Set<string>();
    for (const kind of recordKinds) {
      const spec = specOf(kind);
      const { base } = await schemasOf(kind);
      for (const index of spec.indexes) {
        expect(indexNames).toContain(index);
        expect({ kind, index, known: Object.hasOwn(base.shape, index) }).toEqual({ kind, index, known: true });
      }
      if (spec.legacyTable) {
        expect(tables.has(spec.legacyTable)).toBe(false);
        tables.add(spec.legacyTable);
      }
    }
  });

  it('gives journal kinds the fields their rule needs', async () => {
    for (const kind of recordKinds) {
      const rule = specOf(kind).journal;
      if (!rule) continue;
      const { base } = await schemasOf(kind);
      const needed = [
        'recordedAt',
        ...(rule.mode === 'signed'
          ? ['status', 'author', 'authorId', 'signedBy', 'signedById', 'signedAt']
          : ['visitId']),
        ...(rule.corrections ? ['amendsId', 'amendmentReason', 'signedById', 'serverSignedAt'] : []),
      ];
      expect({ kind, missing: needed.filter((f) => !Object.hasOwn(base.shape, f)) }).toEqual({ kind, missing: [] });
    }
  });
});
