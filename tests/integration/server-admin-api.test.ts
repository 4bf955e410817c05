/**
 * User administration over HTTP (issue 14 §3): admins for all teams, leaders for their own team
 * (never creating or changing admins); disable/enable; a reset password that must be changed at
 * next login; revoking sessions; every action audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsResponseSchema, userResponseSchema, usersResponseSchema } from '../../src/shared/admin/views.ts';
import { addUser, call, login, PASSWORD, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
let nord = '';
let syd = '';
let admin = '';
let leader = '';
let nurse = '';
beforeEach(async () => {
  server = await startTestServer();
  nord = (await addUser(server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' })).teamId;
  await addUser(server.store, { username: 'mette', team: 'Nord', role: 'leader', name: 'Mette Leder' });
  syd = (await addUser(server.store, { username: 'root', team: 'Syd', role: 'admin', name: 'Ada Admin' })).teamId;
  admin = await login(server, 'root');
  leader = await login(server, 'mette');
  nurse = await login(server, 'anna');
});
afterEach(() => server.close());

const api = <T = unknown>(token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  call<T>(`${server.url}/api/admin${path}`, { token, ...init });
const users = async (token: string) => usersResponseSchema.parse((await api(token, '/users')).body).users;
const idOf = async (username: string) => (await users(admin)).find((u) => u.username === username)?.id ?? '';

describe('teams and users', () => {
  it('lists every team for an admin and only the own team for a leader', async () => {
    expect(teamsResponseSchema.parse((await api(admin, '/teams')).body).teams.map((t) => t.name)).toEqual([
      'Nord',
      'Syd',
    ]);
    expect(teamsResponseSchema.parse((await api(leader, '/teams')).body).teams).toEqual([
      { id: nord, name: 'Nord', userCount: 2 },
    ]);
    expect((await users(admin)).map((u) => u.username).sort()).toEqual(['anna', 'mette', 'root']);
    expect((await users(leader)).map((u) => u.username).sort()).toEqual(['anna', 'mette']);
    expect((await api(nurse, '/users')).status).toBe(403);
    expect((await api(leader, `/users?teamId=${syd}`)).status).toBe(404);
  });

  it('creates users in a team chosen by id, with the password policy', async () => {
    const created = await api(leader, '/users', {
      body: { username: 'bo', displayName: 'Bo Berg', role: 'nurse', teamId: nord, password: 'kaffe-og-kage-42' },
    });
    expect(created.status).toBe(201);
    expect(userResponseSchema.parse(created.body).user).toMatchObject({
      username: 'bo',
      teamName: 'Nord',
      status: 'active',
      mustChangePassword: false,
    });
    expect(
      (await call(`${server.url}/api/auth/login`, { body: { username: 'bo', password: 'kaffe-og-kage-42' } })).status,
    ).toBe(200);
    const weak = await api(leader, '/users', {
      body: { username: 'carl', displayName: 'Carl', role: 'nurse', teamId: nord, password: 'qwerty123456' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'weak_password', details: { reason: expect.any(String) } } });
    const taken = await api(admin, '/users', {
      body: { username: 'BO', displayName: 'Bo 2', role: 'nurse', teamId: nord, password: 'kaffe-og-kage-42' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'already_exists' } });
    const unknownTeam = await api(admin, '/users', {
      body: { username: 'dora', displayName: 'Dora', role: 'nurse', teamId: 'nope', password: 'kaffe-og-kage-42' },
    });
    expect(unknownTeam.status).toBe(404);
  });

  it('keeps leaders to their own team and away from admins', async () => {
    const inSyd = await api(leader, '/users', {
      body: { username: 'x1', displayName: 'X', role: 'nurse', teamId: syd, password: 'kaffe-og-kage-42' },
    });
    expect(inSyd.status).toBe(404);
    const makeAdmin = await api(leader, '/users', {
      body: { username: 'x2', displayName: 'X', role: 'admin', teamId: nord, password: 'kaffe-og-kage-42' },
    });
    expect(makeAdmin.status).toBe(403);
    const annaId = await idOf('anna');
    expect((await api(leader, `/users/${annaId}`, { method: 'PATCH', body: { role: 'admin' } })).status).toBe(403);
    expect((await api(leader, `/users/${await idOf('root')}/disable`, { method: 'POST' })).status).toBe(404);
    expect((await api(leader, `/users/${await idOf('mette')}/disable`, { method: 'POST' })).status).toBe(403);
  });

  it('changes role and display name', async () => {
    const annaId = await idOf('anna');
    const res = await api(admin, `/users/${annaId}`, {
      method: 'PATCH',
      body: { role: 'leader', displayName: ' Anna  B. Holm ' },
    });
    expect(res.status).toBe(200);
    expect(userResponseSchema.parse(res.body).user).toMatchObject({ role: 'leader', displayName: 'Anna B. Holm' });
    expect((await api(admin, `/users/${annaId}`, { method: 'PATCH', body: { role: 'boss' } })).status).toBe(400);
  });
});

describe('disable, enable, reset, revoke', () => {
  it('a disabled user cannot log in and its tokens stop working; enabling restores the login', async () => {
    const annaId = await idOf('anna');
    expect((await api(leader, `/users/${annaId}/disable`, { method: 'POST' })).status).toBe(200);
    const me = await call(`${server.url}/api/auth/me`, { token: nurse });
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ error: { code: 'account_disabled' } });
    const again = await call(`${server.url}/api/auth/login`, { body: { username: 'anna', password: PASSWORD } });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'account_disabled' } });
    // A wrong password still says only "wrong username or password".
    expect(
      (await call(`${server.url}/api/auth/login`, { body: { username: 'anna', password: 'forkert-forkert' } })).body,
    ).toMatchObject({
      error: { code: 'invalid_credentials' },
    });
    expect((await api(leader, `/users/${annaId}/enable`, { method: 'POST' })).status).toBe(200);
    expect(
      (await call(`${server.url}/api/auth/login`, { body: { username: 'anna', password: PASSWORD } })).status,
    ).toBe(200);
  });

  it('a reset password must be changed at next login; until then other calls are 403', async () => {
    const annaId = await idOf('anna');
    const reset = await api(leader, `/users/${annaId}/reset-password`, {
      method: 'POST',
      body: { password: 'midlertidig-kode-77' },
    });
    expect(reset.status).toBe(200);
    expect(userResponseSchema.parse(reset.body).user.mustChangePassword).toBe(true);
    // Old sessions are revoked.
    expect((await call(`${server.url}/api/auth/me`, { token: nurse })).status).toBe(401);
    const loggedIn = await call<{ token: string; mustChangePassword: boolean }>(`${server.url}/api/auth/login`, {
      body: { username: 'anna', password: 'midlertidig-kode-77' },
    });
    expect(loggedIn.body.mustChangePassword).toBe(true);
    const token = loggedIn.body.token;
    const pull = await call(`${server.url}/api/sync/pull`, { token });
    expect(pull.status).toBe(403);
    expect(pull.body).toMatchObject({ error: { code: 'password_change_required' } });
    expect(
      (await call<{ mustChangePassword: boolean }>(`${server.url}/api/auth/me`, { token })).body.mustChangePassword,
    ).toBe(true);
    const change = (body: unknown) => call(`${server.url}/api/auth/change-password`, { token, body });
    expect((await change({ currentPassword: 'forkert-forkert', newPassword: 'solsikke-paa-bakken' })).status).toBe(400);
    expect((await change({ currentPassword: 'midlertidig-kode-77', newPassword: 'abababababab' })).body).toMatchObject({
      error: { code: 'weak_password' },
    });
    expect((await change({ currentPassword: 'midlertidig-kode-77', newPassword: 'solsikke-paa-bakken' })).status).toBe(
      204,
    );
    expect((await call(`${server.url}/api/sync/pull`, { token })).status).toBe(200);
    expect(
      (await call(`${server.url}/api/auth/login`, { body: { username: 'anna', password: 'solsikke-paa-bakken' } }))
        .body,
    ).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('revokes all sessions of a user', async () => {
    const annaId = await idOf('anna');
    const res = await api<{ revoked: number }>(admin, `/users/${annaId}/revoke-sessions`, { method: 'POST' });
    expect(res.body.revoked).toBe(1);
    expect((await call(`${server.url}/api/auth/me`, { token: nurse })).status).toBe(401);
  });

  it('audits every admin action with ids, not passwords', async () => {
    const annaId = await idOf('anna');
    await api(leader, `/users/${annaId}/disable`, { method: 'POST' });
    await api(leader, `/users/${annaId}/enable`, { method: 'POST' });
    await api(leader, `/users/${annaId}/reset-password`, { method: 'POST', body: { password: 'midlertidig-kode-77' } });
    const rows = server.store.db
      .prepare(
        "SELECT action, actor_username, target_user_id, details FROM audit_events WHERE action LIKE 'admin.%' ORDER BY id",
      )
      .all() as { action: string; actor_username: string; target_user_id: string; details: string | null }[];
    expect(rows.map((r) => r.action)).toEqual(['admin.user_disabled', 'admin.user_enabled', 'admin.password_reset']);
    expect(rows.every((r) => r.actor_username === 'mette' && r.target_user_id === annaId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('midlertidig');
    expect(() => server.store.db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => server.store.db.prepare('DELETE FROM audit_events').run()).toThrow(/retention/);
  });
});

describe('alerts', () => {
  it('surfaces the dead-letter quota alert to admins and the own team’s leader', async () => {
    server.store.db
      .prepare(
        "INSERT INTO admin_alerts (team_id, user_id, kind, created_at, last_at) VALUES (?, ?, 'dead_letter_quota', 'a', 'b')",
      )
      .run(nord, await idOf('anna'));
    const forLeader = await api<{ alerts: { id: number; username: string }[] }>(leader, '/alerts');
    expect(forLeader.body.alerts).toEqual([expect.objectContaining({ kind: 'dead_letter_quota', username: 'anna' })]);
    const sydLeader = await addUser(server.store, { username: 'sven', team: 'Syd', role: 'leader' });
    expect(sydLeader.teamId).toBe(syd);
    expect((await api<{ alerts: unknown[] }>(await login(server, 'sven'), '/alerts')).body.alerts).toEqual([]);
    const alertId = forLeader.body.alerts[0]?.id;
    expect((await api(leader, `/alerts/${alertId}/resolve`, { method: 'POST' })).status).toBe(204);
    expect((await api<{ alerts: unknown[] }>(admin, '/alerts')).body.alerts).toEqual([]);
  });
});
