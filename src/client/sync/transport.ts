/**
 * The HTTP side of sync: fetch with the bearer token, responses parsed with the shared protocol
 * schemas (the network is untrusted). Failures become SyncHttpError with a kind the scheduler can
 * act on: offline/5xx are retried with backoff, 401 asks for a new login, other 4xx are bugs.
 * Push bodies go gzipped (compress.ts); answers come compressed and the browser inflates them.
 */
import {
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../../shared/sync/protocol.ts';
import { encodeJsonBody } from './compress.ts';
import type { SyncTransport } from './engine.ts';
import { type Fetch, requestJson } from './http.ts';

export { SyncHttpError } from './http.ts';

/** A request that has not answered by then is given up (and retried): a dead connection can hang. */
export const REQUEST_TIMEOUT_MS = 60_000;

export function httpTransport(options: {
  baseUrl: string;
  token: () => string | undefined;
  fetch?: Fetch;
  /** Called when the server answered a request successfully (the scheduler resets its backoff). */
  onResponse?: () => void;
}): SyncTransport {
  const base: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const fetchImpl: Fetch = async (input, init) => {
    const response = await base(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (response.ok) options.onResponse?.();
    return response;
  };
  const headers = (): Record<string, string> => {
    const token = options.token();
    return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  };
  return {
    push: async (body: PushRequest): Promise<PushResponse> => {
      // Gzipped (compress.ts): the upload is the slow direction of a tablet's connection.
      const encoded = await encodeJsonBody(JSON.stringify(body));
      return requestJson(
        fetchImpl,
        `${options.baseUrl}/api/sync/push`,
        { method: 'POST', headers: { ...headers(), ...encoded.headers }, body: encoded.body },
        pushResponseSchema,
      );
    },
    pull: (since: string, limit: number): Promise<PullResponse> =>
      requestJson(
        fetchImpl,
        `${options.baseUrl}/api/sync/pull?since=${encodeURIComponent(since)}&limit=${limit}`,
        { method: 'GET', headers: headers() },
        pullResponseSchema,
      ),
  };
}
