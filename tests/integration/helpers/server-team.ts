/**
 * A test server with one team "Nord" and two nurses (Anna Holm, Bo Berg), logged in, plus push /
 * pull helpers that assert a 200 and parse with the shared protocol schemas. Call at the top of a
 * test file: it registers its own beforeAll/afterAll.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../../src/shared/sync/protocol.ts';
import { addUser, device, family, login, pullAs, pushAs, startTestServer, type TestServer } from './server-app.ts';

export function setupNordTeam() {
  const state = { server: undefined as TestServer | undefined, anna: '', bo: '', teamId: '' };
  const server = () => {
    if (!state.server) throw new Error('setupNordTeam: the server is not started yet');
    return state.server;
  };

  beforeAll(async () => {
    state.server = await startTestServer();
    state.teamId = (await addUser(state.server.store, { username: 'anna', team: 'Nord', name: 'Anna Holm' })).teamId;
    await addUser(state.server.store, { username: 'bo', team: 'Nord', name: 'Bo Berg' });
    state.anna = await login(state.server, 'anna');
    state.bo = await login(state.server, 'bo');
  });
  afterAll(async () => {
    await state.server?.close();
  });

  /** Pushes and returns the parsed results, asserting 200. */
  async function push(token: string, body: unknown) {
    const res = await pushAs(server(), token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return pushResponseSchema.parse(res.body).results;
  }

  async function pullAll(token: string) {
    const res = await pullAs(server(), token, '?limit=1000');
    expect(res.status).toBe(200);
    return pullResponseSchema.parse(res.body);
  }

  async function createFamily(token: string, dev = device(), data: Record<string, unknown> = family()) {
    const id = randomUUID();
    const [result] = await push(
      token,
      dev.request([dev.mutation({ kind: 'family', id, op: 'create', baseRev: 0, data })]),
    );
    expect(result?.status).toBe('applied');
    return { id, dev, record: result?.record };
  }

  return {
    get server() {
      return server();
    },
    get anna() {
      return state.anna;
    },
    get bo() {
      return state.bo;
    },
    get teamId() {
      return state.teamId;
    },
    push,
    pullAll,
    createFamily,
  };
}
