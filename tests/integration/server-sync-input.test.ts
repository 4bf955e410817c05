import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../src/shared/sync/protocol.ts';
import {
  addUser,
  call,
  device,
  family,
  login,
  pullAs,
  pushAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

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

const valid = () => ({
  mutationId: randomUUID(),
  clientSeq: 1,
  kind: 'family',
  id: randomUUID(),
  op: 'create',
  baseRev: 0,
  data: family(),
});

describe('bad push input is a 4xx, never a 5xx', () => {
  it.each([
    ['missing deviceId', { schemaVersion: 1, mutations: [] }],
    ['missing mutations', { deviceId: 'd', schemaVersion: 1 }],
    ['mutations not an array', { deviceId: 'd', schemaVersion: 1, mutations: {} }],
    ['schemaVersion a string', { deviceId: 'd', schemaVersion: '1', mutations: [] }],
    ['schemaVersion 0', { deviceId: 'd', schemaVersion: 0, mutations: [] }],
    ['empty deviceId', { deviceId: '', schemaVersion: 1, mutations: [] }],
    ['mutationId not a uuid', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), mutationId: 'x' }] }],
    ['id not a uuid', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), id: 42 }] }],
    ['negative clientSeq', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), clientSeq: -1 }] }],
    ['fractional baseRev', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), baseRev: 0.5 }] }],
    ['unknown op', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), op: 'upsert' }] }],
    ['data an array', { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), data: [1] }] }],
    ['a mutation null', { deviceId: 'd', schemaVersion: 1, mutations: [null] }],
    ['too many mutations', { deviceId: 'd', schemaVersion: 1, mutations: Array.from({ length: 1001 }, valid) }],
    ['a bare array', []],
    ['a string', 'push'],
    ['null', null],
  ])('%s → 400 invalid_request with details', async (_what, body) => {
    const res = await pushAs(server, token, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request', message: expect.any(String) } });
  });

  it('rejects non-JSON and an empty body with 400', async () => {
    for (const rawBody of ['{"deviceId":', 'not json', '']) {
      const res = await call(`${server.url}/api/sync/push`, { token, rawBody });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('answers a body over the limit with 413', async () => {
    const big = {
      deviceId: 'd',
      schemaVersion: 1,
      mutations: [{ ...valid(), data: { name: 'x'.repeat(6 * 1024 * 1024) } }],
    };
    const res = await pushAs(server, token, big);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('lists the zod issues in details', async () => {
    const res = await pushAs(server, token, { deviceId: 'd', schemaVersion: 1, mutations: [{ ...valid(), op: 'x' }] });
    expect(res.body).toMatchObject({ error: { details: [{ path: 'mutations.0.op', message: expect.any(String) }] } });
  });
});

describe('bad pull input', () => {
  it.each([
    '?since=abc',
    '?since=-1',
    '?since=1.5',
    '?since=1e3',
    '?since=',
    '?since=99999999999999999',
    '?since=1&since=2',
    '?limit=0',
    '?limit=x',
    '?limit=-5',
    '?limit=',
  ])('%s → 400 invalid_request', async (query) => {
    const res = await pullAs(server, token, query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('clamps a huge limit to 1000', async () => {
    const dev = device();
    await pushAs(
      server,
      token,
      dev.request(
        Array.from({ length: 1001 - 1 }, () =>
          dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() }),
        ),
      ),
    );
    await pushAs(
      server,
      token,
      dev.request([dev.mutation({ kind: 'family', id: randomUUID(), op: 'create', baseRev: 0, data: family() })]),
    );
    const res = await pullAs(server, token, '?limit=100000000');
    expect(res.status).toBe(200);
    const body = pullResponseSchema.parse(res.body);
    expect(body.changes).toHaveLength(1000);
    expect(body.hasMore).toBe(true);
  });
});

describe('fuzz', () => {
  it('random push bodies never produce a 5xx', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const mutation = fc.record(
      {
        mutationId: fc.oneof(fc.uuid(), fc.string()),
        clientSeq: fc.oneof(fc.integer({ min: -2, max: 2 ** 40 }), fc.double(), fc.string()),
        kind: fc.oneof(fc.constantFrom('family', 'child', 'conflict', 'settings', ''), fc.string()),
        id: fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'), fc.string()),
        op: fc.oneof(fc.constantFrom('create', 'update', 'delete'), fc.string()),
        baseRev: fc.oneof(fc.nat({ max: 5 }), fc.integer(), fc.double()),
        data: fc.oneof(
          fc.dictionary(
            fc.constantFrom('name', 'status', 'cpr', 'familyId', 'firstName', 'birthDate', '__proto__', 'x'),
            json,
          ),
          json,
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      json,
      fc.record(
        {
          deviceId: fc.oneof(fc.string({ maxLength: 120 }), json),
          schemaVersion: fc.oneof(fc.constantFrom(1, 2), json),
          mutations: fc.oneof(fc.array(mutation, { maxLength: 8 }), json),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await call(`${server.url}/api/sync/push`, { token, rawBody: JSON.stringify(b) ?? 'null' });
        expect(res.status, JSON.stringify(b)).toBeLessThan(500);
        if (res.status === 200) pushResponseSchema.parse(res.body);
      }),
      { numRuns: 200 },
    );
  });

  it('valid envelopes with random data always get one result per mutation', async () => {
    const dev = device();
    const ids = Array.from({ length: 3 }, () => randomUUID());
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('family', 'child', 'conflict'),
            id: fc.constantFrom(...ids),
            op: fc.constantFrom('create', 'update', 'delete'),
            baseRev: fc.nat({ max: 4 }),
            data: fc.option(
              fc.dictionary(
                fc.constantFrom('name', 'notes', 'status', 'cpr', 'firstName'),
                fc.jsonValue({ maxDepth: 1 }),
              ),
              { nil: undefined },
            ),
          }),
          { maxLength: 6 },
        ),
        async (ms) => {
          const mutations = ms.map((m) =>
            dev.mutation({ ...m, ...(m.data === undefined ? {} : { data: m.data }) } as never),
          );
          const res = await pushAs(server, token, dev.request(mutations));
          // A "__proto__" key is refused as a whole (prototype poisoning), with a 400 the device can read;
          // "__proto__" as a value (a family named so) is just text.
          if (/"__proto__":/.test(JSON.stringify(mutations))) {
            expect(res.status).toBe(400);
            expect((res.body as unknown as { error: { code: string } }).error.code).toBe('invalid_request');
            return;
          }
          expect(res.status).toBe(200);
          expect(pushResponseSchema.parse(res.body).results.map((r) => r.mutationId)).toEqual(
            mutations.map((m) => m.mutationId),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
