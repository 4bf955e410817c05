/**
 * Model-based property test of the journal rules under sync (issue 11 point 6): three tablets —
 * two of one nurse, one of a colleague — write, edit, sign, correct and delete journal notes, try to
 * change signed notes, to write in the colleague's name and to sign with a wrong clock, and sync
 * through a faulty network against the real server. After every step, read from the server's own
 * tables:
 *  (final)    a note the server holds signed, and every correction, never changes again nor is
 *             deleted;
 *  (identity) every note's author is the user who created it, every signature the author's, with
 *             the names of those users — whatever the devices sent;
 *  (time)     every signature has the server's time, and the device's time lies before it (within
 *             the allowed skew);
 *  (no loss)  every change a device queued is in its outbox or in the server's ledger.
 * At quiescence every tablet holds the server's notes, apart from its own refused changes, which
 * stay on the tablet, shown as rejected.
 */
import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import { amendNote, signNote } from '../../src/shared/journal/signed-note.ts';
import { type JournalNote, newNote } from '../../src/shared/visits/journal.ts';
import { type Device, openDevice } from './helpers/client-device.ts';
import { type FaultyTransport, faultyTransport, isInjectedFault } from './helpers/faulty-transport.ts';
import { addUser, login, startTestServer, type TestServer } from './helpers/server-app.ts';

type Act =
  | { t: 'draft'; d: number }
  | { t: 'edit'; d: number; pick: number }
  | { t: 'sign'; d: number; pick: number }
  | { t: 'correct'; d: number; pick: number }
  | { t: 'delete'; d: number; pick: number }
  | { t: 'impersonate'; d: number }
  | { t: 'forgeTime'; d: number; pick: number; future: boolean }
  | { t: 'sync'; d: number; faulty: boolean };

const d = fc.nat({ max: 2 });
const pick = fc.nat({ max: 9 });
const actArb: fc.Arbitrary<Act> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('draft' as const), d }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), d, pick }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('sign' as const), d, pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('correct' as const), d, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), d, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('impersonate' as const), d }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('forgeTime' as const), d, pick, future: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), d, faulty: fc.boolean() }) },
);

type User = { id: string; name: string; username: string };
type Tablet = { user: User; device: Device; transport: FaultyTransport; queued: Set<string> };
const SKEW_MS = 5 * 60 * 1000;

class JournalWorld {
  readonly trace: string[] = [];
  /** The first signed (or correction) state the server was seen to hold, per note. */
  private readonly final = new Map<string, string>();
  readonly server: TestServer;
  readonly users: User[];
  readonly tablets: Tablet[];
  readonly familyId: string;
  private constructor(server: TestServer, users: User[], tablets: Tablet[], familyId: string) {
    this.server = server;
    this.users = users;
    this.tablets = tablets;
    this.familyId = familyId;
  }

  static async start(seed: number): Promise<JournalWorld> {
    const server = await startTestServer();
    const users: User[] = [];
    for (const [username, name] of [
      ['mette', 'Mette'],
      ['hanne', 'Hanne'],
    ] as const) {
      users.push({ id: (await addUser(server.store, { username, team: 'Jammerbugt', name })).userId, name, username });
    }
    const tablets: Tablet[] = [];
    for (const [i, user] of [users[0], users[0], users[1]].entries()) {
      if (!user) throw new Error('no user');
      let transport: FaultyTransport | undefined;
      const device = await openDevice(`t${i}`, server, await login(server, user.username), (inner) => {
        transport = faultyTransport(inner, { seed: seed + i, enabled: false });
        return transport;
      });
      if (!transport) throw new Error('no transport');
      tablets.push({ user, device, transport, queued: new Set() });
    }
    const first = tablets[0] as Tablet;
    const familyId = await first.device.writer.create('family', { name: 'Familien Journal' });
    for (const tablet of tablets) await tablet.device.sync();
    for (const tablet of tablets) await tablet.device.sync();
    return new JournalWorld(server, users, tablets, familyId);
  }

  async close() {
    for (const t of this.tablets) await t.device.close();
    await this.server.close();
  }

  private tablet(i: number): Tablet {
    return this.tablets[i % this.tablets.length] as Tablet;
  }

  private async notes(t: Tablet) {
    return (await t.device.reader.all('journalNote')).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async picked(t: Tablet, n: number) {
    const list = await this.notes(t);
    return list.length === 0 ? undefined : list[n % list.length];
  }

  /** Runs a local change and remembers every mutation it queued (for the no-loss check). */
  private async queue(t: Tablet, change: () => Promise<unknown>) {
    await change();
    for (const entry of t.device.outbox()) t.queued.add(entry.mutationId);
  }

  async run(act: Act, step: number) {
    const t = this.tablet(act.d);
    const me = { id: t.user.id, displayName: t.user.name };
    const other = this.users.find((u) => u.id !== t.user.id) as User;
    this.trace.push(`#${step} ${t.device.name}/${t.user.username}: ${JSON.stringify(act)}`);
    const writer = t.device.writer;
    switch (act.t) {
      case 'draft':
        return this.queue(t, () =>
          writer.create('journalNote', newNote({ familyId: this.familyId }, me, `kladde ${step}`)),
        );
      case 'impersonate':
        // A buggy or hostile client writes in the colleague's name.
        return this.queue(t, () =>
          writer.create(
            'journalNote',
            signNote(
              newNote({ familyId: this.familyId }, { id: other.id, displayName: other.name }, `falsk ${step}`),
              {
                id: other.id,
                displayName: other.name,
              },
              new Date(),
            ),
          ),
        );
      case 'sync': {
        t.transport.enabled = act.faulty;
        try {
          await t.device.sync();
        } catch (error) {
          if (!isInjectedFault(error)) throw error;
        } finally {
          t.transport.enabled = false;
        }
        return;
      }
      default: {
        const note = await this.picked(t, act.pick);
        if (!note) return;
        const data = note.data as JournalNote;
        switch (act.t) {
          case 'edit':
            // On a signed note this is the tampering the server must refuse.
            return this.queue(t, () =>
              writer.update('journalNote', note.id, { ...data, text: `${data.text} +${step}` }),
            );
          case 'sign':
            if (data.status !== 'kladde') return;
            // Maybe the colleague's draft: the server must refuse it.
            return this.queue(t, () => writer.update('journalNote', note.id, signNote(data, me, new Date())));
          case 'forgeTime': {
            if (data.status !== 'kladde') return;
            const when = act.future ? new Date(Date.now() + 400 * 86_400_000) : new Date('1999-01-01T00:00:00Z');
            return this.queue(t, () => writer.update('journalNote', note.id, signNote(data, me, when)));
          }
          case 'correct':
            if (data.status !== 'underskrevet') return;
            return this.queue(t, () =>
              writer.create('journalNote', amendNote(note, `rettelse ${step}`, 'præcisering', me, new Date())),
            );
          case 'delete':
            return this.queue(t, () => writer.remove('journalNote', note.id));
        }
      }
    }
  }

  private serverNotes() {
    return this.server.store.db
      .prepare(`SELECT id, rev, deleted, data, created_by, created_at FROM records WHERE kind = 'journalNote'`)
      .all() as { id: string; rev: number; deleted: number; data: string; created_by: string; created_at: string }[];
  }

  fail(message: string): never {
    throw new Error(`${message}\n${this.trace.join('\n')}`);
  }

  checkAlways() {
    const names = new Map(this.users.map((u) => [u.id, u.name]));
    for (const row of this.serverNotes()) {
      const data = JSON.parse(row.data) as JournalNote;
      const signed = data.status === 'underskrevet';
      const seen = this.final.get(row.id);
      const state = JSON.stringify({ deleted: row.deleted, data });
      if (seen !== undefined && seen !== state)
        this.fail(`(final) note ${row.id} changed after signing: ${seen} → ${state}`);
      if (signed || data.amendsId !== '') this.final.set(row.id, state);
      if (data.authorId !== row.created_by || data.author !== names.get(row.created_by))
        this.fail(`(identity) note ${row.id} by ${row.created_by} names ${data.authorId}/${data.author}`);
      if (signed) {
        if (data.signedById !== data.authorId || data.signedBy !== names.get(data.authorId))
          this.fail(`(identity) note ${row.id} signed by ${data.signedById}/${data.signedBy}, author ${data.authorId}`);
        const device = Date.parse(data.signedAt);
        const server = Date.parse(data.serverSignedAt);
        if (Number.isNaN(server) || device > server + SKEW_MS || device < Date.parse(row.created_at) - 91 * 86_400_000)
          this.fail(`(time) note ${row.id} signed at ${data.signedAt}, server ${data.serverSignedAt}`);
      }
    }
    const ledger = new Set(
      (this.server.store.db.prepare('SELECT mutation_id FROM mutations').all() as { mutation_id: string }[]).map(
        (r) => r.mutation_id,
      ),
    );
    return Promise.all(
      this.tablets.map(async (t) => {
        const outbox = new Set(t.device.outbox().map((e) => e.mutationId));
        for (const id of t.queued) {
          if (!outbox.has(id) && !ledger.has(id)) this.fail(`(no loss) ${t.device.name} lost mutation ${id}`);
        }
      }),
    );
  }

  async quiesce() {
    for (let pass = 0; pass < 3; pass++) for (const t of this.tablets) await t.device.sync();
    await this.checkAlways();
    const server = new Map(
      this.serverNotes().map((r) => [r.id, { rev: r.rev, deleted: r.deleted === 1, data: JSON.parse(r.data) }]),
    );
    for (const t of this.tablets) {
      const entries = t.device.outbox();
      if (entries.some((e) => e.state === 'pending')) this.fail(`${t.device.name} still has pending changes`);
      const refused = new Set(entries.filter((e) => e.state === 'rejected').map((e) => e.id));
      for (const row of t.device.rows('journalNote')) {
        if (refused.has(row.id)) continue;
        const theirs = server.get(row.id);
        const mine = { rev: row.rev, deleted: row.deleted === 1, data: row.data };
        if (JSON.stringify(mine) !== JSON.stringify(theirs))
          this.fail(
            `(convergence) ${t.device.name} holds ${row.id} as ${JSON.stringify(mine)}, server ${JSON.stringify(theirs)}`,
          );
      }
      // What a reload would read back from IndexedDB is what memory holds.
      const disk = await t.device.persisted();
      const memory = t.device.rows('journalNote').map(({ sync: _s, ...row }) => row);
      const onDisk = disk.rows.filter((r) => r.kind === 'journalNote');
      if (JSON.stringify(onDisk) !== JSON.stringify(memory.sort((a, b) => (a.id < b.id ? -1 : 1))))
        this.fail(`(persisted) ${t.device.name}: memory and IndexedDB differ`);
      for (const id of server.keys()) {
        if (!t.device.row('journalNote', id)) this.fail(`(convergence) ${t.device.name} lacks ${id}`);
      }
    }
  }
}

const runs = Number(process.env.SYNC_PROPERTY_RUNS ?? 25);
let world: JournalWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('journal rules under sync (model-based, real server, faulty network)', () => {
  it('signed stays final, identity and time come from the server, nothing is lost, and tablets converge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actArb, { minLength: 10, maxLength: 30 }), fc.nat(), async (acts, seed) => {
        world = await JournalWorld.start(seed);
        try {
          for (const [i, act] of acts.entries()) {
            await world.run(act, i + 1);
            await world.checkAlways();
          }
          await world.quiesce();
        } finally {
          await world.close();
          world = undefined;
        }
      }),
      { numRuns: runs, seed: Number(process.env.SYNC_PROPERTY_SEED ?? 20_261_201) },
    );
  }, 600_000);
});
