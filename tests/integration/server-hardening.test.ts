/**
 * Hardening over HTTP against a real SQLite file (issue 14 §4): bad input is never a 5xx, an
 * over-size body gets a readable 413, and every API answer says `Cache-Control: no-store`.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, call, device, login, pushAs, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'anna', team: 'Nord' });
  token = await login(server, 'anna');
});
afterAll(async () => {
  await server.close();
});

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('nesting depth is checked before anything recursive runs', () => {
  it('answers a mutation nesting ~4,400 arrays (9 KB) with 400, not 500, and stores nothing', async () => {
    const dev = device();
    const m = dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: { name: 'x' } });
    const raw = JSON.stringify(dev.request([m])).replace('"x"', nested(4400));
    expect(raw.length).toBeGreaterThan(8800);
    const res = await call(`${server.url}/api/sync/push`, { token, rawBody: raw });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request', details: { maxDepth: expect.any(Number) } } });
    const ledger = server.store.db.prepare('SELECT count(*) AS n FROM mutations').get() as { n: number };
    expect(ledger.n).toBe(0);
  });

  it('refuses deep nesting on every JSON route, also the public login', async () => {
    const res = await call(`${server.url}/api/auth/login`, { rawBody: `{"username":${nested(500)}}` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('still accepts ordinary nesting (and brackets inside strings do not count)', async () => {
    const dev = device();
    const m = dev.mutation({
      kind: 'family',
      id: randomUUID(),
      op: 'create',
      baseRev: 0,
      data: { name: `Familien ${'['.repeat(200)}`, notes: '{{{{' },
    });
    const res = await pushAs(server, token, dev.request([m]));
    expect(res.status).toBe(200);
  });
});

/** Sends `bytes` of body over a real socket, as a tablet would; resolves with the status and body. */
function postLarge(
  url: string,
  path: string,
  bytes: number,
  withLength: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(withLength ? { 'content-length': String(bytes) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // Slowly, like a tablet on a mobile network: the server answers long before the body ends.
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const write = () => {
      if (sent >= bytes) {
        req.end();
        return;
      }
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += part.length;
      req.write(part);
      setTimeout(write, 1);
    };
    write();
  });
}

describe('an over-size body gets a readable 413', () => {
  it.each([
    ['/api/auth/login', 5.3, true],
    ['/api/auth/login', 6, true],
    ['/api/sync/push', 12, true],
    ['/api/sync/push', 6, false],
  ])('%s, %s MB (content-length %s) → 413 payload_too_large JSON, no reset', async (path, mb, withLength) => {
    const res = await postLarge(server.url, path, Math.round(mb * 1024 * 1024), withLength);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers fetch (undici) with a 413 it can read', async () => {
    const body = 'x'.repeat(6 * 1024 * 1024);
    const res = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('Cache-Control: no-store on every API answer', () => {
  it.each([
    ['health', 'GET', '/api/health', undefined, 200],
    ['setup', 'GET', '/api/setup', undefined, 200],
    ['unauthorized', 'GET', '/api/sync/pull', undefined, 401],
    ['not found', 'GET', '/api/nope', undefined, 404],
    ['bad json', 'POST', '/api/auth/login', '{"username":', 400],
  ] as const)('%s', async (_what, method, path, rawBody, status) => {
    const res = await call(`${server.url}${path}`, { method, ...(rawBody ? { rawBody } : {}) });
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('on login, pull and push answers', async () => {
    const loginRes = await call(`${server.url}/api/auth/login`, {
      body: { username: 'anna', password: 'rugbroed-med-ost' },
    });
    expect(loginRes.headers.get('cache-control')).toBe('no-store');
    const pull = await call(`${server.url}/api/sync/pull`, { token });
    expect(pull.status).toBe(200);
    expect(pull.headers.get('cache-control')).toBe('no-store');
    const push = await pushAs(server, token, device().request([]));
    expect(push.headers.get('cache-control')).toBe('no-store');
  });
});
