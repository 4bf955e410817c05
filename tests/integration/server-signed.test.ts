/** Signed records are final on the server too: no edit or deletion, only new corrections. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, device, login, pushAs, startTestServer, type TestServer } from './helpers/server-app.ts';

let server: TestServer;
let token: string;
const familyId = crypto.randomUUID();

beforeEach(async () => {
  server = await startTestServer();
  await addUser(server.store, { username: 'mette', team: 'Jammerbugt', name: 'Mette' });
  token = await login(server, 'mette');
});
afterEach(() => server.close());

const note = (status: 'kladde' | 'underskrevet', text: string, extra: Record<string, unknown> = {}) => ({
  familyId,
  text,
  status,
  author: 'Mette',
  authorId: 'u1',
  ...(status === 'underskrevet'
    ? { signedBy: 'Mette', signedById: 'u1', signedAt: '2026-11-22T10:00:00.000+01:00' }
    : {}),
  ...extra,
});

it('refuses to change or delete a signed journal note but accepts a correction that points to it', async () => {
  const tablet = device();
  const id = crypto.randomUUID();
  const push = (mutations: unknown[]) => pushAs(server, token, tablet.request(mutations as never));
  await push([
    tablet.mutation({ kind: 'family', id: familyId, op: 'create', baseRev: 0, data: { name: 'Familien J' } }),
  ]);
  const draft = await push([
    tablet.mutation({ kind: 'journalNote', id, op: 'create', baseRev: 0, data: note('kladde', 'Udkast') }),
  ]);
  expect(draft.body.results[0]).toMatchObject({ status: 'applied', rev: 1 });
  const edited = await push([
    tablet.mutation({ kind: 'journalNote', id, op: 'update', baseRev: 1, data: { text: 'Rettet udkast' } }),
  ]);
  expect(edited.body.results[0]).toMatchObject({ status: 'applied', rev: 2 });
  const signed = await push([
    tablet.mutation({ kind: 'journalNote', id, op: 'update', baseRev: 2, data: note('underskrevet', 'Rettet udkast') }),
  ]);
  expect(signed.body.results[0]).toMatchObject({ status: 'applied', rev: 3 });

  const change = await push([
    tablet.mutation({ kind: 'journalNote', id, op: 'update', baseRev: 3, data: { text: 'Ny tekst' } }),
  ]);
  expect(change.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
  const removal = await push([tablet.mutation({ kind: 'journalNote', id, op: 'delete', baseRev: 3 })]);
  expect(removal.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });

  const correction = await push([
    tablet.mutation({
      kind: 'journalNote',
      id: crypto.randomUUID(),
      op: 'create',
      baseRev: 0,
      data: note('underskrevet', 'Tilføjelse', { amendsId: id, amendmentReason: 'Præcisering' }),
    }),
  ]);
  expect(correction.body.results[0]).toMatchObject({ status: 'applied' });
});
