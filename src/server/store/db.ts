/**
 * Opens the SQLite database (better-sqlite3) with durable settings and migrates it. WAL with
 * synchronous=FULL: a write acknowledged to a client survives a crash or power loss (sync
 * guarantee 6). SQLite's single writer gives the commit order that the pull cursor relies on.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export const DB_FILE_NAME = 'tusind-dage.sqlite';

export type Store = {
  db: Database.Database;
  path: string;
  close(): void;
};

/** Opens (creating if needed) DATA_DIR/tusind-dage.sqlite, or `file` when given. */
export function openStore(options: { dataDir: string; file?: string }): Store {
  mkdirSync(options.dataDir, { recursive: true });
  const path = options.file ?? join(options.dataDir, DB_FILE_NAME);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    path,
    close: () => {
      if (db.open) db.close();
    },
  };
}
