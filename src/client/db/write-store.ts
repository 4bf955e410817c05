/** The default database's record writer (validation with the full kind registry). */
import { db } from './db.ts';
import { recordWriter } from './records.ts';

export const writer = recordWriter(db);
