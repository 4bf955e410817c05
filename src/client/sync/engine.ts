/**
 * The sync engine: pushes the outbox in order and in batches, then pulls pages until the server
 * has no more. Pure: it talks to storage and the network only through the SyncStore and
 * SyncTransport seams, so it runs unchanged in the browser and in Node tests against the real
 * server. It never decides anything by the device clock (guarantee 8).
 */

import {
  type Mutation,
  type MutationResult,
  PULL_LIMIT_MAX,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol.ts';
import { SyncHttpError } from './http.ts';

export type PendingMutation = Mutation & { approxBytes: number };

export interface SyncStore {
  deviceId(): Promise<string>;
  /**
   * The oldest pending mutations after clientSeq `after` (0: from the start), in clientSeq order
   * (rejected ones are skipped: they never block).
   */
  pendingBatch(maxCount: number, maxBytes: number, after?: number): Promise<PendingMutation[]>;
  /** Applies the server's answers for a batch, atomically. */
  applyPushResults(sent: PendingMutation[], results: MutationResult[]): Promise<void>;
  checkpoint(): Promise<string>;
  /** Writes a page of server changes and the new checkpoint in one transaction (guarantee 4). */
  applyPullPage(page: PullResponse): Promise<void>;
  recordSuccess(): Promise<void>;
  /**
   * Marks pending mutations rejected on the device, without an answer from the server (one
   * mutation alone was too large to send): kept and shown like a rejection, skipped by pendingBatch.
   */
  rejectLocally(mutationIds: string[], error: { code: string; message: string }): Promise<void>;
}

export interface SyncTransport {
  push(body: PushRequest): Promise<PushResponse>;
  pull(since: string, limit: number): Promise<PullResponse>;
}

export type SyncProgress = { phase: 'push' | 'pull'; pushed: number; pulled: number };

export type SyncOutcome = { pushed: number; pulled: number; pages: number };

export class SyncProtocolError extends Error {
  override name = 'SyncProtocolError';
}

export type EngineOptions = {
  store: SyncStore;
  transport: SyncTransport;
  schemaVersion: number;
  batchSize?: number;
  batchBytes?: number;
  pageSize?: number;
  onProgress?: (progress: SyncProgress) => void;
};

/**
 * Defaults (docs/decisions/0011-sync-throughput.md): the protocol's maxima of 1,000 mutations per
 * push and 1,000 records per pull page, so a first sync of a caseload takes few round trips and
 * few IndexedDB transactions. A push stays well below the server's 5 MB body limit: 1 MB counted
 * in UTF-16 code units is at most 3 MB of UTF-8.
 */
export const PUSH_BATCH_SIZE = 1000;
export const PUSH_BATCH_BYTES = 1024 * 1024;
export const PULL_PAGE_SIZE = PULL_LIMIT_MAX;

export function createSyncEngine(options: EngineOptions) {
  const { store, transport, schemaVersion, onProgress } = options;
  const batchSize = options.batchSize ?? PUSH_BATCH_SIZE;
  const batchBytes = options.batchBytes ?? PUSH_BATCH_BYTES;
  const pageSize = options.pageSize ?? PULL_PAGE_SIZE;

  /**
   * Pushes the outbox in batches. The next batch is read and sent while the answer to the last
   * one is written: it holds only later mutations, which writing that answer does not touch, and
   * the server still receives the batches one at a time, in order. If writing an answer fails, the
   * batch stays queued and its retry is answered from the server's ledger (guarantee 2).
   *
   * A batch answered 413 (over the server's or a proxy's body limit) is halved and sent again, and
   * the smaller size is kept until the culprit is found; a single mutation answered 413 can never
   * be sent, so it is rejected on the device (payload_too_large) and the queue goes on without it.
   */
  async function pushAll(progress: SyncProgress): Promise<void> {
    const deviceId = await store.deviceId();
    const send = (batch: PendingMutation[]) => {
      const mutations = batch.map(({ approxBytes: _bytes, ...mutation }) => mutation);
      return settled(transport.push({ deviceId, schemaVersion, mutations }));
    };
    let maxCount = batchSize;
    let maxBytes = batchBytes;
    let batch = await store.pendingBatch(maxCount, maxBytes, 0);
    if (batch.length === 0) return;
    let response = send(batch);
    for (;;) {
      let results: MutationResult[];
      try {
        ({ results } = await response);
      } catch (error) {
        if (!(error instanceof SyncHttpError && error.status === 413)) throw error;
        const [first] = batch;
        if (batch.length === 1 && first) {
          await store.rejectLocally([first.mutationId], {
            code: 'payload_too_large',
            message: `This change is ${first.approxBytes} bytes, more than the server accepts in one request.`,
          });
          // The culprit is out: the rest goes in full batches again (a 413 splits them again).
          maxCount = batchSize;
          maxBytes = batchBytes;
          batch = await store.pendingBatch(maxCount, maxBytes, first.clientSeq);
        } else {
          batch = batch.slice(0, Math.ceil(batch.length / 2));
          maxCount = batch.length;
          maxBytes = Math.max(
            1,
            batch.reduce((sum, m) => sum + m.approxBytes, 0),
          );
        }
        if (batch.length === 0) return;
        response = send(batch);
        continue;
      }
      checkResults(batch, results);
      const after = batch.at(-1)?.clientSeq ?? 0;
      // Read before the answer's write transaction starts, so the read does not wait for it.
      const following = store.pendingBatch(maxCount, maxBytes, after);
      const applied = settled(store.applyPushResults(batch, results));
      const next = await following;
      // The store must take only mutations after the last one sent, or the queue would loop.
      if ((next[0]?.clientSeq ?? Number.POSITIVE_INFINITY) <= after) {
        throw new SyncProtocolError('outbox did not advance after a push');
      }
      const nextResponse = next.length > 0 ? send(next) : undefined;
      await applied;
      progress.pushed += batch.length;
      onProgress?.({ ...progress });
      if (!nextResponse) return;
      batch = next;
      response = nextResponse;
    }
  }

  /**
   * Pulls pages until the server has no more. The next page is asked for while the last one is
   * written; the checkpoint moves only with its written page (guarantee 4), and when something
   * else moved it past the page, the pull continues from the checkpoint.
   */
  async function pullAll(progress: SyncProgress): Promise<number> {
    let pages = 0;
    let since = await store.checkpoint();
    let request = transport.pull(since, pageSize);
    for (;;) {
      const page = await request;
      const advanced = page.nextSince !== since;
      const next = page.hasMore && advanced ? settled(transport.pull(page.nextSince, pageSize)) : undefined;
      await store.applyPullPage(page);
      pages++;
      progress.pulled += page.changes.length + page.conflicts.length;
      onProgress?.({ ...progress });
      if (!page.hasMore) return pages;
      if (!next) throw new SyncProtocolError('pull did not advance while hasMore was true');
      const checkpoint = await store.checkpoint();
      request = checkpoint === page.nextSince ? next : transport.pull(checkpoint, pageSize);
      since = checkpoint;
    }
  }

  return {
    /** One full cycle: push everything pending, then pull everything new. */
    async syncOnce(): Promise<SyncOutcome> {
      const progress: SyncProgress = { phase: 'push', pushed: 0, pulled: 0 };
      await pushAll(progress);
      progress.phase = 'pull';
      const pages = await pullAll(progress);
      await store.recordSuccess();
      return { pushed: progress.pushed, pulled: progress.pulled, pages };
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/** A promise started ahead of its use: a failure surfaces where it is awaited, never as unhandled. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function checkResults(batch: PendingMutation[], results: MutationResult[]): void {
  if (results.length !== batch.length) {
    throw new SyncProtocolError(`push answered ${results.length} results for ${batch.length} mutations`);
  }
  results.forEach((result, i) => {
    if (result.mutationId !== batch[i]?.mutationId) throw new SyncProtocolError('push results out of order');
  });
}
