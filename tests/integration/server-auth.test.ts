import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../../src/server/auth/login-limiter.ts';
import { loginResponseSchema, userSchema } from '../../src/shared/sync/protocol.ts';
import { addUser, call, login, PASSWORD, startTestServer, type TestServer } from './helpers/server-app.ts';

describe('auth over HTTP', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const loginCall = (body: unknown) => call(`${server.url}/api/auth/login`, { body });

  it('tells the login screen whether accounts exist and how to create one', async () => {
    const before = await call<{ hasUsers: boolean; createUserCommand: string }>(`${server.url}/api/setup`);
    expect(before.status).toBe(200);
    expect(before.body.hasUsers).toBe(false);
    expect(before.body.createUserCommand).toMatch(
      /^npm run --silent admin -- create-user --username .+ --password .+ --team /,
    );
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    expect((await call<{ hasUsers: boolean }>(`${server.url}/api/setup`)).body.hasUsers).toBe(true);
  });

  it('logs in (username case-insensitive) and returns the token and user', async () => {
    const created = await addUser(server.store, { username: 'Anna', team: 'Nord', name: 'Anna Holm', role: 'leader' });
    const res = await loginCall({ username: 'ANNA', password: PASSWORD });
    expect(res.status).toBe(200);
    const body = loginResponseSchema.parse(res.body);
    expect(body.user).toEqual({
      id: created.userId,
      username: 'Anna',
      displayName: 'Anna Holm',
      role: 'leader',
      teamId: created.teamId,
    });
    const me = await call(`${server.url}/api/auth/me`, { token: body.token });
    expect(me.status).toBe(200);
    expect(userSchema.parse(me.body)).toEqual(body.user);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const wrong = await loginCall({ username: 'anna', password: 'forkert-kodeord' });
    const unknown = await loginCall({ username: 'nobody', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong username or password.' } });
    }
  });

  it('answers a malformed login body with 400', async () => {
    for (const body of [{}, { username: 'anna' }, { username: 1, password: 2 }, [], 'x', null]) {
      const res = await loginCall(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('rate-limits failed logins per username with 429 and Retry-After', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    for (let i = 0; i < 5; i++)
      expect((await loginCall({ username: 'anna', password: `wrong-${i}` })).status).toBe(401);
    // Even the right password is refused while the limit holds.
    const limited = await loginCall({ username: 'Anna', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another user from the same address is not affected.
    await addUser(server.store, { username: 'bo', team: 'Nord' });
    expect((await loginCall({ username: 'bo', password: PASSWORD })).status).toBe(200);
    // After the window, the right password works again.
    server.clock.offsetMs = 15 * 60_000 + 1000;
    expect((await loginCall({ username: 'anna', password: PASSWORD })).status).toBe(200);
  });

  it('counts parallel guesses before their passwords are checked', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => loginCall({ username: 'anna', password: `parallel-${i}` })),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('rate-limits failed logins per client address', async () => {
    for (let i = 0; i < defaultLoginLimits.address.max; i++) {
      expect((await loginCall({ username: `guess-${i}`, password: 'whatever-123' })).status).toBe(401);
    }
    const limited = await loginCall({ username: 'guess-new', password: 'whatever-123' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires a valid bearer token on every protected route', async () => {
    const routes = [
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
      ['GET', '/api/schema'],
      ['POST', '/api/sync/push'],
      ['GET', '/api/sync/pull'],
    ] as const;
    for (const [method, path] of routes) {
      for (const authorization of [undefined, 'Bearer', 'Bearer not-a-real-token-at-all-xxxxxxxx', 'Basic YTpi']) {
        const headers: Record<string, string> = authorization ? { authorization } : {};
        const res = await call(`${server.url}${path}`, { method, headers });
        expect(res.status, `${method} ${path} ${authorization}`).toBe(401);
        expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
      }
    }
  });

  it('expires tokens after TOKEN_TTL_DAYS', async () => {
    // Used every day, so the idle expiry (TOKEN_IDLE_HOURS) does not come first.
    await server.close();
    server = await startTestServer({ config: { tokenIdleHours: 48 } });
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const token = await login(server, 'anna');
    for (let day = 1; day <= 29; day++) {
      server.clock.offsetMs = day * 86_400_000;
      expect((await call(`${server.url}/api/auth/me`, { token })).status).toBe(200);
    }
    server.clock.offsetMs = 30 * 86_400_000 + 1000;
    const expired = await call(`${server.url}/api/auth/me`, { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('revokes the presented token on logout, and only that one', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const tablet = await login(server, 'anna');
    const laptop = await login(server, 'anna');
    const out = await call(`${server.url}/api/auth/logout`, { method: 'POST', token: tablet });
    expect(out.status).toBe(204);
    expect(out.body).toBe('');
    expect((await call(`${server.url}/api/auth/me`, { token: tablet })).status).toBe(401);
    expect((await call(`${server.url}/api/auth/me`, { token: laptop })).status).toBe(200);
  });

  it('stores only a hash of the token', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const token = await login(server, 'anna');
    const rows = server.store.db.prepare('SELECT token_hash FROM tokens').all() as { token_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
