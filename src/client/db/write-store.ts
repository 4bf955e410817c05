/** The default database's record writer (validation with the full kind registry). */
import { db } from './db.ts';
import { getDeviceInfo } from './meta.ts';
import { recordWriter } from './records.ts';

export const writer = recordWriter(db);

/** This device's id (made once per device), e.g. to tell its own drafts from another tablet's. */
export const thisDeviceId = async (): Promise<string> => (await getDeviceInfo(db)).deviceId;
