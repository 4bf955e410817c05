/**
 * Loads the fictional demo caseload (shared/caseload/demo-data.ts) and its activity (signed visits,
 * a COS-P course: demo-activity.ts) into a team through the sync push (sync/push.ts), as the given
 * user from the fixed device "demo-seed" in batches, so every record gets its rev, seq and field
 * metadata exactly as if a tablet had synced it, and the server's journal rules judge every visit.
 * The activity is pushed with the server clock set to the fictional day it happened (a draft on the
 * visit's day, its signature after the visit); the caseload itself at the real time.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  type DemoActivity,
  type DemoChange,
  demoActivityDocuments,
  demoActivitySteps,
  generateDemoActivity,
} from '../../shared/caseload/demo-activity.ts';
import { DEMO_FAMILIES, DEMO_NURSES, demoDocuments, generateDemoCaseload } from '../../shared/caseload/demo-data.ts';
import { localToday } from '../../shared/domain/age.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import { SCHEMA_VERSION } from '../../shared/version.ts';
import type { UserRow } from '../store/accounts.ts';
import { push } from '../sync/push.ts';

export const DEMO_DEVICE_ID = 'demo-seed';
/** Mutations per push request (the protocol allows up to 1000). */
export const DEMO_BATCH_SIZE = 500;

export type DemoLoadOptions = {
  /** Family count (default DEMO_FAMILIES). */
  families?: number;
  /** The server's clock (default now); the caseload is generated for its local date. */
  now?: Date;
  batchSize?: number;
};

export type DemoLoadResult = {
  today: string;
  families: number;
  caregivers: number;
  children: number;
  consents: number;
  contacts: number;
  /** Signed visits with their observations and instrument responses, and the COS-P course's records. */
  visits: number;
  activity: number;
};

export class DemoLoadError extends Error {
  override name = 'DemoLoadError';
}

/** Pushes changes as `user` from the device "demo-seed" with the server clock at `at`; throws DemoLoadError. */
export function demoPusher(db: Database, user: UserRow, size = DEMO_BATCH_SIZE, deviceId = DEMO_DEVICE_ID) {
  let clientSeq = 0;
  return {
    push(changes: DemoChange[], at: Date): void {
      const mutations: Mutation[] = changes.map((change) => ({
        mutationId: randomUUID(),
        clientSeq: ++clientSeq,
        kind: change.kind,
        id: change.id,
        op: change.op,
        baseRev: change.op === 'create' ? 0 : 1,
        data: change.data,
      }));
      for (let start = 0; start < mutations.length; start += size) {
        const batch = mutations.slice(start, start + size);
        const { results } = push(db, user, { deviceId, schemaVersion: SCHEMA_VERSION, mutations: batch }, at);
        const failed = results.find((r) => r.status !== 'applied');
        if (failed) {
          const m = batch.find((b) => b.mutationId === failed.mutationId);
          throw new DemoLoadError(
            `the server did not apply the demo ${m?.kind ?? 'record'} ${m?.id ?? ''}: ${failed.status}` +
              `${failed.error ? ` (${failed.error.code}: ${failed.error.message})` : ''}`,
          );
        }
      }
    },
  };
}

/**
 * The activity at the fictional moments it happened (the push's clock is the server's for it), so
 * the journal rules hold for every visit: a draft on the day, signed after the visit.
 */
export function pushDemoActivity(pusher: ReturnType<typeof demoPusher>, activity: DemoActivity): void {
  for (const step of demoActivitySteps(activity)) pusher.push(step.changes, new Date(step.at));
}

/** Pushes the demo caseload as `user`; throws DemoLoadError when the server does not apply a mutation. */
export function loadDemoCaseload(db: Database, user: UserRow, options: DemoLoadOptions = {}): DemoLoadResult {
  const now = options.now ?? new Date();
  const today = localToday(now);
  // The demo user is the first tovholder, so "Mine besøg" shows their own visits after login.
  const caseload = generateDemoCaseload({
    today,
    families: options.families ?? DEMO_FAMILIES,
    nurses: [user.displayName, ...DEMO_NURSES.slice(1)],
  });
  // Signed visits and a COS-P course, so the leader's overview has figures (issue 17).
  const activity = generateDemoActivity(caseload, { today, signer: { id: user.id, displayName: user.displayName } });
  const pusher = demoPusher(db, user, options.batchSize ?? DEMO_BATCH_SIZE);
  pusher.push(
    demoDocuments(caseload).map((doc) => ({ kind: doc.kind, id: doc.id, op: 'create', data: doc.data })),
    now,
  );
  pushDemoActivity(pusher, activity);
  return {
    today,
    families: caseload.families.length,
    caregivers: caseload.caregivers.length,
    children: caseload.children.length,
    consents: caseload.consents.length,
    contacts: caseload.contacts.length,
    visits: activity.visits.length,
    activity: demoActivityDocuments(activity).length - activity.visits.length,
  };
}
