import { describe, expect, it } from 'vitest';
import { recordKinds, registry } from '../../shared/schemas/kinds.ts';
import { derivedStores, effectiveStores, migrations } from './migrations.ts';

const indexSet = (spec: string | null | undefined) => new Set((spec ?? '').split(',').map((s) => s.trim()));

describe('Dexie migrations against the record-kind registry', () => {
  it('the migrations add up to exactly the tables and indexes the registry declares', () => {
    const effective = effectiveStores();
    for (const [table, spec] of Object.entries(derivedStores())) {
      // A kind added to the registry without a new migration fails here, naming its table.
      expect({ table, indexes: indexSet(effective[table]) }).toEqual({ table, indexes: indexSet(spec) });
    }
  });

  it('every record table of the migrations belongs to a kind (besides outbox, meta, quarantine)', () => {
    const kindTables = new Set<string>(recordKinds.map((k) => registry[k].table));
    const others = Object.keys(effectiveStores()).filter((t) => !kindTables.has(t));
    expect(others.sort()).toEqual(['meta', 'outbox', 'quarantine']);
  });

  it('versions are append-only: strictly increasing, never reused', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
