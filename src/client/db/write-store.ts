/** The current store's record writer (validation with each kind's schema, loaded on demand). */
import { getDeviceInfo } from './meta.ts';
import { recordWriter } from './records.ts';
import { currentStore } from './store.ts';

export const writer = recordWriter(currentStore);

/** This device's id for the signed-in user, e.g. to tell its own drafts from another tablet's. */
export const thisDeviceId = async (): Promise<string> => getDeviceInfo(currentStore()).deviceId;
