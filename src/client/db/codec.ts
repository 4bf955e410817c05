/**
 * The one seam every record's data passes through on its way into and out of IndexedDB. Today the
 * payload is stored in the clear with a format tag; encryption at rest (domain.md §6) replaces
 * encode/decode here without touching features. Decoding treats storage as untrusted: the data is
 * parsed with the kind's shared schema, and a failure is reported, never thrown into the UI.
 */
import type * as z from 'zod/mini';
import type { KindData, RecordKind } from '../../shared/schemas/kinds.ts';

export type EncodedPayload = { format: 'plain-v1'; data: Record<string, unknown> };

export function encodePayload(data: Record<string, unknown>): EncodedPayload {
  return { format: 'plain-v1', data };
}

export type DecodeResult<K extends RecordKind> = { ok: true; data: KindData[K] } | { ok: false; reason: string };

export function decodePayload<K extends RecordKind>(
  _kind: K,
  payload: unknown,
  schema: z.ZodMiniType,
): DecodeResult<K> {
  if (typeof payload !== 'object' || payload === null || (payload as { format?: unknown }).format !== 'plain-v1') {
    return { ok: false, reason: 'unknown payload format' };
  }
  const result = schema.safeParse((payload as EncodedPayload).data);
  if (!result.success) {
    const first = result.error.issues[0];
    return { ok: false, reason: `${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, data: result.data as KindData[K] };
}

/** The raw (undecoded) data of a payload, for diffing and export of damaged rows. */
export function rawData(payload: EncodedPayload): Record<string, unknown> {
  return payload.data;
}
