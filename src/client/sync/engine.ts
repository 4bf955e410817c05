/**
 * The sync engine: pushes the outbox in order and in batches, then pulls pages until the server
 * has no more. Pure: it talks to storage and the network only through the SyncStore and
 * SyncTransport seams, so it runs unchanged in the browser and in Node tests against the real
 * server. It never decides anything by the device clock (guarantee 8).
 */
import type { Mutation, MutationResult, PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol.ts';

export type PendingMutation = Mutation & { approxBytes: number };

export interface SyncStore {
  deviceId(): Promise<string>;
  /** The oldest pending mutations in clientSeq order (rejected ones are skipped: they never block). */
  pendingBatch(maxCount: number, maxBytes: number): Promise<PendingMutation[]>;
  /** Applies the server's answers for a batch, atomically. */
  applyPushResults(sent: PendingMutation[], results: MutationResult[]): Promise<void>;
  checkpoint(): Promise<string>;
  /** Writes a page of server changes and the new checkpoint in one transaction (guarantee 4). */
  applyPullPage(page: PullResponse): Promise<void>;
  recordSuccess(): Promise<void>;
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

export function createSyncEngine(options: EngineOptions) {
  const { store, transport, schemaVersion, onProgress } = options;
  const batchSize = options.batchSize ?? 100;
  const batchBytes = options.batchBytes ?? 256 * 1024;
  const pageSize = options.pageSize ?? 500;

  async function pushAll(progress: SyncProgress): Promise<void> {
    const deviceId = await store.deviceId();
    let lastFirst: string | undefined;
    for (;;) {
      const batch = await store.pendingBatch(batchSize, batchBytes);
      if (batch.length === 0) return;
      // The store must remove or reject what it was given; the same head twice means it did not.
      if (batch[0]?.mutationId === lastFirst) throw new SyncProtocolError('outbox did not advance after a push');
      lastFirst = batch[0]?.mutationId;
      const mutations = batch.map(({ approxBytes: _bytes, ...mutation }) => mutation);
      const response = await transport.push({ deviceId, schemaVersion, mutations });
      checkResults(batch, response.results);
      await store.applyPushResults(batch, response.results);
      progress.pushed += batch.length;
      onProgress?.({ ...progress });
    }
  }

  async function pullAll(progress: SyncProgress): Promise<number> {
    let pages = 0;
    for (;;) {
      const since = await store.checkpoint();
      const page = await transport.pull(since, pageSize);
      await store.applyPullPage(page);
      pages++;
      progress.pulled += page.changes.length + page.conflicts.length;
      onProgress?.({ ...progress });
      if (!page.hasMore) return pages;
      if (page.nextSince === since) throw new SyncProtocolError('pull did not advance while hasMore was true');
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

function checkResults(batch: PendingMutation[], results: MutationResult[]): void {
  if (results.length !== batch.length) {
    throw new SyncProtocolError(`push answered ${results.length} results for ${batch.length} mutations`);
  }
  results.forEach((result, i) => {
    if (result.mutationId !== batch[i]?.mutationId) throw new SyncProtocolError('push results out of order');
  });
}
