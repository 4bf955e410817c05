/** The store's connection settings: transactions take the write lock when they begin. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './db.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('begins every transaction immediately, so a read-then-write is never refused by another writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-db-'));
    dirs.push(dir);
    const store = openStore({ dataDir: dir });
    store.db.exec('CREATE TABLE t (n INTEGER)');
    const other = new Database(store.path, { timeout: 0 });
    let otherWrite = '';
    const readThenWrite = store.db.transaction(() => {
      const before = store.db.prepare('SELECT count(*) AS c FROM t').get() as { c: number };
      // Another connection writes between our read and our write.
      try {
        other.prepare('INSERT INTO t VALUES (99)').run();
        otherWrite = 'applied';
      } catch (error) {
        otherWrite = (error as { code?: string }).code ?? 'error';
      }
      store.db.prepare('INSERT INTO t VALUES (?)').run(before.c + 1);
    });
    // Deferred, this transaction failed with SQLITE_BUSY_SNAPSHOT at its write (the other connection
    // had committed since its read). Immediate, the other connection waits (here: is told busy).
    expect(() => readThenWrite()).not.toThrow();
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(store.db.prepare('SELECT n FROM t').all()).toEqual([{ n: 1 }]);
    other.close();
    store.close();
  });
});
