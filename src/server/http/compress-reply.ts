/**
 * Compressed answers for the sync routes (a pull page of 1,000 records is ~0.9 MB of JSON and
 * ~55 KB as brotli): an `onSend` hook that encodes the serialized body with brotli (quality 4) or
 * gzip (level 6), as the request's Accept-Encoding allows, in zlib's thread pool. Small bodies
 * (under 1 KB) go as they are. Only the sync routes use it (docs/decisions/0065): their answers are
 * large, and they carry no secret next to text an attacker chooses (BREACH).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const COMPRESS_MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Coding = 'br' | 'gzip' | null;

/** The coding to answer with for an Accept-Encoding header: br, else gzip, unless refused (q=0). */
export function chooseEncoding(header: string | undefined): Coding {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

export async function compressReply(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  reply.header('vary', 'accept-encoding');
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length < COMPRESS_MIN_BYTES || reply.hasHeader('content-encoding')) return payload;
  const coding = chooseEncoding(request.headers['accept-encoding']);
  if (coding === null) return payload;
  const encoded =
    coding === 'br'
      ? await brotli(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : await gzipAsync(body, { level: 6 });
  reply.header('content-encoding', coding);
  reply.removeHeader('content-length');
  return encoded;
}
