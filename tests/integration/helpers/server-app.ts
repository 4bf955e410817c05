/**
 * Test harness for the server: a real SQLite file in a temp dir, the real app listening on a
 * random port on 127.0.0.1, and small fetch helpers. Users get a cheap scrypt cost for speed;
 * the login code path is the real one.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { createUser } from '../../../src/server/auth/create-user.ts';
import type { LoginLimiter } from '../../../src/server/auth/login-limiter.ts';
import type { AppSettings } from '../../../src/server/config.ts';
import { openStore, type Store } from '../../../src/server/store/db.ts';
import type { Mutation, PullResponse, PushResponse } from '../../../src/shared/sync/protocol.ts';

export const cheapScrypt = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'rugbroed-med-ost';

export function makeTempDir(prefix = 'tusind-dage-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export type TestServer = {
  url: string;
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  /** The app's clock: tests move it forward to expire tokens. */
  clock: { offsetMs: number };
  close(): Promise<void>;
};

export async function startTestServer(
  options: { distDir?: string; limiter?: LoginLimiter; tokenTtlDays?: number; config?: Partial<AppSettings> } = {},
): Promise<TestServer> {
  const dir = makeTempDir();
  const store = openStore({ dataDir: dir.path });
  const clock = { offsetMs: 0 };
  const app = await buildApp({
    store,
    config: { tokenTtlDays: options.tokenTtlDays ?? 30, logLevel: 'silent', ...options.config },
    kdf: cheapScrypt,
    distDir: options.distDir ?? join(dir.path, 'no-dist'),
    logger: false,
    now: () => new Date(Date.now() + clock.offsetMs),
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    app,
    store,
    dataDir: dir.path,
    clock,
    close: async () => {
      await app.close();
      store.close();
      dir.remove();
    },
  };
}

export async function addUser(
  store: Store,
  user: { username: string; team: string; role?: string; name?: string; password?: string },
) {
  return createUser(store.db, { password: PASSWORD, ...user }, { kdf: cheapScrypt });
}

export type HttpResult<T = unknown> = { status: number; headers: Headers; body: T };

/** A fetch that never throws on 4xx/5xx and parses JSON bodies. */
export async function call<T = unknown>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
  };
}

/** Who each token of `login` belongs to, so `pushAs` can log a second device in (see there). */
const logins = new Map<string, { url: string; username: string; password: string }>();
const boundDevice = new Map<string, string>();
const deviceTokens = new Map<string, string>();

export async function login(server: { url: string }, username: string, password = PASSWORD): Promise<string> {
  const res = await call<{ token: string }>(`${server.url}/api/auth/login`, { body: { username, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  logins.set(res.body.token, { url: server.url, username, password });
  return res.body.token;
}

/**
 * The token a push from `deviceId` uses. A token is bound to the device of its first push
 * (sync-protocol.md "Devices"), while many tests play several devices of one user with one
 * `login`: the second device then gets its own login, as a real second tablet would.
 */
export async function tokenForDevice(token: string, deviceId: unknown): Promise<string> {
  const who = logins.get(token);
  if (typeof deviceId !== 'string' || !who) return token;
  const bound = boundDevice.get(token);
  if (bound === undefined || bound === deviceId) {
    boundDevice.set(token, deviceId);
    return token;
  }
  const key = `${token}|${deviceId}`;
  let other = deviceTokens.get(key);
  if (!other) {
    other = await login({ url: who.url }, who.username, who.password);
    boundDevice.set(other, deviceId);
    deviceTokens.set(key, other);
  }
  return other;
}

/** A device that numbers its mutations like a client outbox. */
export function device(deviceId = `device-${randomUUID().slice(0, 8)}`) {
  let clientSeq = 0;
  return {
    deviceId,
    mutation(m: Omit<Mutation, 'mutationId' | 'clientSeq'> & { mutationId?: string }): Mutation {
      clientSeq += 1;
      return { mutationId: randomUUID(), clientSeq, ...m };
    },
    request(mutations: Mutation[], schemaVersion = 1) {
      return { deviceId, schemaVersion, mutations };
    },
  };
}

export async function pushAs(server: { url: string }, token: string, body: unknown) {
  const deviceId = typeof body === 'object' && body !== null ? (body as { deviceId?: unknown }).deviceId : undefined;
  return call<PushResponse>(`${server.url}/api/sync/push`, { token: await tokenForDevice(token, deviceId), body });
}

export async function pullAs(server: { url: string }, token: string, query = '') {
  return call<PullResponse>(`${server.url}/api/sync/pull${query}`, { token });
}

export const family = (name = 'Familien Jensen') => ({ name });
export const child = (familyId: string) => ({ familyId, firstName: 'Alma', sex: 'pige', birthDate: '2025-03-14' });
