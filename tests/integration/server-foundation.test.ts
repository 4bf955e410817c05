import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { appVersion } from '../../src/server/app-version.ts';
import { ConfigError, parseConfig } from '../../src/server/config.ts';
import { loggerOptions } from '../../src/server/http/logging.ts';
import { DB_FILE_NAME, openStore } from '../../src/server/store/db.ts';
import { migrations } from '../../src/server/store/migrations.ts';
import { addUser, call, makeTempDir, PASSWORD, startTestServer, type TestServer } from './helpers/server-app.ts';

function fakeDist(root: string): string {
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, 'icons'), { recursive: true });
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Tusind Dage</title>',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'manifest.webmanifest': '{"name":"Tusind Dage"}',
    'workbox-5a1b2c3d.js': '// workbox',
    'assets/index-Ab12Cd34.js': 'console.log(1);',
    'assets/index-Ef56Gh78.css': 'body{}',
    'icons/icon-192.png': 'png',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  };
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dist, path), content);
  return dist;
}

describe('server foundation (HTTP, real SQLite file)', () => {
  const dir = makeTempDir();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: fakeDist(dir.path) });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('answers health with the package version', async () => {
    const res = await call(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: appVersion });
    expect(appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['/', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/registerSW.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    ['/workbox-5a1b2c3d.js', 'no-cache'],
    ['/assets/index-Ab12Cd34.js', 'public, max-age=31536000, immutable'],
    ['/assets/index-Ef56Gh78.css', 'public, max-age=31536000, immutable'],
    ['/icons/icon-192.png', 'public, max-age=86400'],
    ['/favicon.svg', 'public, max-age=86400'],
  ])('serves %s with Cache-Control %s', async (path, cacheControl) => {
    const res = await call(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(cacheControl);
  });

  it('falls back to index.html for client-side routes that accept HTML', async () => {
    const res = await call<string>(`${server.url}/familier/123?tab=boern`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Tusind Dage</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('does not fall back for missing files that are not pages', async () => {
    const res = await call(`${server.url}/icons/missing.png`, { headers: { accept: 'image/png' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sends the CSP and security headers on pages and API', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await call(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('cross-origin-embedder-policy')).toBeNull();
    }
  });

  it('answers unknown API routes with the contract error shape, also for HTML clients', async () => {
    for (const [method, accept] of [
      ['GET', 'text/html'],
      ['POST', 'application/json'],
      ['DELETE', '*/*'],
    ] as const) {
      const res = await call(`${server.url}/api/does-not-exist`, { method, headers: { accept } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it('answers malformed JSON with 400 invalid_request', async () => {
    const res = await call(`${server.url}/api/auth/login`, { rawBody: '{"username": "a", ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers an unsupported content type with 415 invalid_request', async () => {
    const res = await call(`${server.url}/api/auth/login`, {
      rawBody: 'username=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers a body over 5 MiB with 413 payload_too_large', async () => {
    const big = JSON.stringify({ username: 'a', password: 'x'.repeat(6 * 1024 * 1024) });
    const res = await call(`${server.url}/api/auth/login`, { rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});

describe('server without a build', () => {
  it('answers pages with 503 telling to build, and keeps the API working', async () => {
    const server = await startTestServer();
    try {
      const page = await call(`${server.url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(JSON.stringify(page.body)).toContain('npm run build');
      expect((await call(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('unexpected errors and logs', () => {
  it('answers 500 internal without leaking the message or stack', async () => {
    const dir = makeTempDir();
    const store = openStore({ dataDir: dir.path });
    const app = await buildApp({ store, config: { tokenTtlDays: 30, logLevel: 'silent' }, logger: false });
    app.get('/api/test-boom', async () => {
      throw new Error('secret detail at /home/x/file.ts:12');
    });
    const res = await app.inject({ method: 'GET', url: '/api/test-boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(res.body).not.toContain('secret');
    await app.close();
    store.close();
    dir.remove();
  });

  it('never logs passwords, tokens or Authorization headers', async () => {
    const dir = makeTempDir();
    const store = openStore({ dataDir: dir.path });
    await addUser(store, { username: 'logtest', team: 'Nord' });
    let logged = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    const app = await buildApp({
      store,
      config: { tokenTtlDays: 30, logLevel: 'info' },
      logger: { ...(loggerOptions('trace') as object), stream },
    });
    const loginRes = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'logtest', password: PASSWORD },
    });
    const token = loginRes.json<{ token: string }>().token;
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    await app.close();
    store.close();
    dir.remove();
    expect(logged).toContain('"msg":"request completed"');
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(token);
  });
});

describe('configuration', () => {
  it('has defaults', () => {
    const config = parseConfig({}, '/srv/app');
    expect(config).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/srv/app/data',
      logLevel: 'info',
      tokenTtlDays: 30,
      tokenIdleHours: 12,
      trustProxy: false,
      deviceStaleDays: 7,
      auditRetentionDays: 3650,
      journalRetentionYears: 10,
    });
  });

  it('reads every variable', () => {
    const config = parseConfig(
      { HOST: '0.0.0.0', PORT: '3000', DATA_DIR: '/var/lib/td', LOG_LEVEL: 'warn', TOKEN_TTL_DAYS: '7' },
      '/srv/app',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      dataDir: '/var/lib/td',
      logLevel: 'warn',
      tokenTtlDays: 7,
    });
  });

  it.each(['0', '65536', 'abc', '80.5', '-1'])('rejects PORT=%s with a clear message', (port) => {
    expect(() => parseConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: port })).toThrow(/PORT: PORT must be/);
  });

  it.each(['9', '0', '-10', '9.5', 'ti'])(
    'refuses JOURNAL_RETENTION_YEARS=%s (the legal floor is 10 years)',
    (years) => {
      expect(() => parseConfig({ JOURNAL_RETENTION_YEARS: years })).toThrow(ConfigError);
      expect(() => parseConfig({ JOURNAL_RETENTION_YEARS: years })).toThrow(
        /JOURNAL_RETENTION_YEARS: JOURNAL_RETENTION/,
      );
    },
  );

  it('says why a journal retention below 10 years is refused', () => {
    expect(() => parseConfig({ JOURNAL_RETENTION_YEARS: '5' })).toThrow(/at least 10.*after the last entry/);
    expect(parseConfig({ JOURNAL_RETENTION_YEARS: '10' }).journalRetentionYears).toBe(10);
    expect(parseConfig({ JOURNAL_RETENTION_YEARS: ' 15 ' }).journalRetentionYears).toBe(15);
  });

  it('rejects a bad LOG_LEVEL and TOKEN_TTL_DAYS together', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'loud', TOKEN_TTL_DAYS: '0' })).toThrow(/LOG_LEVEL[\s\S]*TOKEN_TTL_DAYS/);
  });
});

describe('migrations', () => {
  it('apply once and are idempotent when the database is opened again', () => {
    const dir = makeTempDir();
    const first = openStore({ dataDir: join(dir.path, 'nested', 'data') });
    first.db.prepare("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'Nord', '2025-01-01')").run();
    first.close();
    const second = openStore({ dataDir: join(dir.path, 'nested', 'data') });
    expect(second.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(second.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: migrations.length });
    expect(second.db.prepare('SELECT name FROM teams').all()).toEqual([{ name: 'Nord' }]);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    second.close();
    dir.remove();
  });

  it('refuse a database from a newer server', () => {
    const dir = makeTempDir();
    const raw = new Database(join(dir.path, DB_FILE_NAME));
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openStore({ dataDir: dir.path })).toThrow(/newer than this server/);
    dir.remove();
  });
});
