/**
 * JSON over HTTP for the app's API calls: failures become SyncHttpError with a kind the caller can
 * act on (offline and 5xx are retried with backoff, 401 asks for a new login, other 4xx are bugs),
 * and responses are parsed with the shared schemas or, before the first screen, their zod-free
 * checks (session-checks.ts; the network is untrusted).
 */
import { apiErrorCheck, type ResponseCheck } from '../../shared/sync/session-checks.ts';

export type FailureKind = 'network' | 'unauthorized' | 'server' | 'client';

export class SyncHttpError extends Error {
  override name = 'SyncHttpError';
  readonly kind: FailureKind;
  readonly status: number;
  readonly code: string;
  constructor(kind: FailureKind, status: number, code: string, message: string) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export async function requestJson<T>(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit,
  schema: ResponseCheck<T>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    throw new SyncHttpError('network', 0, 'network', error instanceof Error ? error.message : 'network error');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorCheck.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : `http_${response.status}`;
    const message = parsed.success ? parsed.data.error.message : response.statusText;
    const kind: FailureKind =
      response.status === 401
        ? 'unauthorized'
        : response.status >= 500 || response.status === 429
          ? 'server'
          : 'client';
    throw new SyncHttpError(kind, response.status, code, message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncHttpError('server', response.status, 'bad_response', 'unexpected response');
  return parsed.data;
}
