/**
 * Prepared statements, cached per connection: compiling a statement costs more than running these
 * small keyed queries, and a push runs several of them per mutation. Only for statements run with
 * get/run/all (an iterating statement is busy until its iterator ends and cannot be shared).
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function statement(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
