/**
 * Compression on the sync routes against the real server app: push bodies sent with
 * `Content-Encoding: gzip` are inflated (good), a corrupt gzip body is a 400, a body that inflates
 * past the 5 MiB limit is a 413 `payload_too_large` (the limit counts inflated bytes: a small gzip
 * bomb is refused, not inflated in full), other encodings are a 415; answers are brotli or gzip as
 * the request's Accept-Encoding allows, and plain without it.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/server/app.ts';
import type { PullResponse, PushResponse } from '../../src/shared/sync/protocol.ts';
import {
  addUser,
  device,
  family,
  login,
  pullAs,
  startTestServer,
  type TestServer,
  tokenForDevice,
} from './helpers/server-app.ts';

let server: TestServer;
let token: string;
const tablet = device();
beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Nord' });
  token = await tokenForDevice(await login(server, 'anna'), tablet.deviceId);
});
afterAll(async () => {
  await server.close();
});

/** A push with a raw body and headers; the answer's JSON (fetch inflates compressed answers). */
async function rawPush(body: Buffer, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as PushResponse & { error?: { code: string } } };
}

/** A GET whose raw bytes and headers are returned as sent (node:http does not inflate). */
function rawGet(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; encoding: string | undefined; vary: string | undefined; bytes: Buffer }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
      const req = httpRequest(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            encoding: res.headers['content-encoding'],
            vary: res.headers.vary,
            bytes: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('gzip push bodies', () => {
  it('a gzip body is inflated and applied like a plain one', async () => {
    const mutations = Array.from({ length: 20 }, (_, i) =>
      tablet.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family(`Familien ${i}`) }),
    );
    const json = Buffer.from(JSON.stringify(tablet.request(mutations)));
    const gz = gzipSync(json);
    expect(gz.length).toBeLessThan(json.length);
    const res = await rawPush(gz, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
    const pulled = await pullAs(server, token, '?since=0&limit=1000');
    const names = (pulled.body as PullResponse).changes.map((c) => (c.data as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining(mutations.map((m) => (m.data as { name: string }).name)));
  });

  it('a corrupt gzip body is a 400 invalid_request, not a 5xx', async () => {
    const json = Buffer.from(JSON.stringify(tablet.request([])));
    const gz = gzipSync(json);
    gz.fill(0x55, 10, gz.length - 8); // keep the header, scramble the deflate stream
    const res = await rawPush(gz, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/gzip/) });
    // Plain bytes labelled as gzip are just as corrupt.
    const plain = await rawPush(json, { 'content-encoding': 'gzip' });
    expect(plain.status).toBe(400);
    expect(plain.body.error?.code).toBe('invalid_request');
  });

  it('a body that inflates past the limit is a 413 payload_too_large (zip-bomb safe)', async () => {
    const data = { name: 'Familien Bombe', notes: 'x'.repeat(BODY_LIMIT_BYTES * 4) };
    const mutation = tablet.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data });
    const gz = gzipSync(Buffer.from(JSON.stringify(tablet.request([mutation]))));
    // Tiny on the wire (under 1% of the limit), four times the limit once inflated.
    expect(gz.length).toBeLessThan(BODY_LIMIT_BYTES / 100);
    const res = await rawPush(gz, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
    // The server is still fine afterwards.
    const ok = await rawPush(gzipSync(Buffer.from(JSON.stringify(tablet.request([])))), {
      'content-encoding': 'gzip',
    });
    expect(ok.status).toBe(200);
  });

  it('an encoding other than gzip is a 415 with a code', async () => {
    const res = await rawPush(Buffer.from(JSON.stringify(tablet.request([]))), { 'content-encoding': 'br' });
    expect(res.status).toBe(415);
    expect(res.body.error?.code).toBe('invalid_request');
  });
});

describe('compressed answers', () => {
  it('a pull answer is brotli when accepted, gzip when only gzip is, plain without Accept-Encoding', async () => {
    const path = '/api/sync/pull?since=0&limit=1000';
    const br = await rawGet(path, 'gzip, deflate, br');
    const gz = await rawGet(path, 'gzip');
    const plain = await rawGet(path);
    expect([br.status, gz.status, plain.status]).toEqual([200, 200, 200]);
    expect(br.encoding).toBe('br');
    expect(gz.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(br.vary).toMatch(/accept-encoding/i);
    const page = JSON.parse(plain.bytes.toString('utf8')) as PullResponse;
    expect(page.changes.length).toBeGreaterThan(0);
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString('utf8'))).toEqual(page);
    expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8'))).toEqual(page);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
  });

  it('a coding refused with q=0 is not used; a small answer goes plain', async () => {
    const refused = await rawGet('/api/sync/pull?since=0&limit=1000', 'br;q=0, gzip');
    expect(refused.encoding).toBe('gzip');
    const small = await rawGet('/api/sync/pull?since=999999&limit=10', 'br');
    expect(small.status).toBe(200);
    expect(small.encoding).toBeUndefined();
  });
});
