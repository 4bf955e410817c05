/**
 * Opens the SQLite database (better-sqlite3) with durable settings and migrates it. WAL with
 * synchronous=FULL: a write acknowledged to a client survives a crash or power loss (sync
 * guarantee 6). SQLite's single writer gives the commit order that the pull cursor relies on.
 * The data directory is created 0700 and the database files 0600: they hold health data and
 * must not be readable by other local users (SQLite gives -wal and -shm the main file's mode).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export const DB_FILE_NAME = 'tusind-dage.sqlite';
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

export type Store = {
  db: Database.Database;
  path: string;
  close(): void;
};

/** Creates the directory 0700 (and tightens it when this process owns it). */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  const stat = statSync(dataDir);
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(dataDir, DATA_DIR_MODE);
}

/** Creates the database file 0600 before SQLite does, and tightens existing files. */
function prepareDataFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', DATA_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const stat = statSync(file);
    if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) chmodSync(file, DATA_FILE_MODE);
  }
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE). A deferred transaction
 * that reads and then writes cannot wait for another connection's write: SQLite answers
 * SQLITE_BUSY at once instead of using the busy timeout (the admin CLI beside a syncing server
 * failed so). The server has one connection, so this costs it nothing.
 */
function beginTransactionsImmediately(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = transaction(fn);
    const run = (...args: never[]) => tx.immediate(...args);
    return Object.assign(run, {
      default: tx.immediate,
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as Database.Database['transaction'];
}

/**
 * Opens (creating if needed) DATA_DIR/tusind-dage.sqlite, or `file` when given. `busyTimeoutMs` is
 * how long a write waits for another connection's (the server's 5 s; the admin CLI, which runs
 * beside a busy server, waits longer).
 */
export function openStore(options: { dataDir: string; file?: string; busyTimeoutMs?: number }): Store {
  prepareDataDir(options.dataDir);
  const path = options.file ?? join(options.dataDir, DB_FILE_NAME);
  prepareDataFiles(path);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    beginTransactionsImmediately(db);
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
