/**
 * Compressed request bodies: `Content-Encoding: gzip` is inflated as it streams in (the app gzips
 * its push batches, src/client/sync/transport.ts). Fastify's body limit counts the INFLATED bytes
 * (its parser reads the stream this hook returns), so a small gzip bomb is cut off at the limit
 * with a 413 `payload_too_large`, never inflated in full. A body that is not valid gzip is a 400
 * `invalid_request`; an encoding other than gzip or identity is a 415.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** The stream Fastify's body parser reads; `receivedEncodedLength` is its contract for transformed bodies. */
type Inflated = PassThrough & { receivedEncodedLength: number };

export function inflateGzip(raw: Readable): Inflated {
  const gunzip = createGunzip();
  const out = new PassThrough() as Inflated;
  out.receivedEncodedLength = 0;
  raw.on('data', (chunk: Buffer) => {
    out.receivedEncodedLength += chunk.length;
  });
  gunzip.on('error', () => {
    // Stop inflating, keep reading (and discarding) the rest so the client sees the 400.
    raw.unpipe(gunzip);
    raw.resume();
    out.destroy(new HttpError('invalid_request', 'The request body is not valid gzip (Content-Encoding: gzip).'));
  });
  raw.pipe(gunzip).pipe(out);
  return out;
}

export function registerRequestDecoding(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const header = request.headers['content-encoding'];
    if (header === undefined) return payload;
    const encoding = header.trim().toLowerCase();
    if (encoding === '' || encoding === 'identity') return payload;
    if (encoding !== 'gzip' && encoding !== 'x-gzip') {
      throw new HttpError(
        'invalid_request',
        `Unsupported Content-Encoding "${header}": send gzip or no encoding.`,
        { supported: ['gzip', 'identity'] },
        415,
      );
    }
    return inflateGzip(payload as IncomingMessage);
  });
}
