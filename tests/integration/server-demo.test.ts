/**
 * create-demo end to end: the admin command makes the demo team and user and loads the fictional
 * caseload through sync push; the demo user then logs in over HTTP and pulls valid records, as a
 * tablet would. The real CLI process is run once against a temp DATA_DIR.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAM, DEMO_USERNAME, runAdmin } from '../../src/server/cli/admin-commands.ts';
import { findUserByUsername } from '../../src/server/store/accounts.ts';
import { openStore } from '../../src/server/store/db.ts';
import type { Contact } from '../../src/shared/caseload/contact.ts';
import { worklist } from '../../src/shared/caseload/worklist.ts';
import { kinds } from '../../src/shared/schemas/all-kinds.ts';
import type { RecordKind } from '../../src/shared/schemas/kinds.ts';
import { type PullResponse, pullResponseSchema } from '../../src/shared/sync/protocol.ts';
import {
  addUser,
  cheapScrypt,
  login,
  makeTempDir,
  pullAs,
  startTestServer,
  type TestServer,
} from './helpers/server-app.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const now = new Date('2026-05-12T09:30:00Z');
const today = '2026-05-12';

const passwordFrom = (stdout: string[]) =>
  stdout
    .find((line) => line.includes('password:'))
    ?.split('password:')[1]
    ?.trim() ?? '';

async function pullEverything(server: TestServer, token: string): Promise<PullResponse['changes']> {
  const changes: PullResponse['changes'] = [];
  let since = '0';
  for (;;) {
    const res = await pullAs(server, token, `?since=${since}&limit=1000`);
    expect(res.status).toBe(200);
    const page = pullResponseSchema.parse(res.body);
    changes.push(...page.changes);
    since = page.nextSince;
    if (!page.hasMore) return changes;
  }
}

describe('create-demo', () => {
  let server: TestServer;
  let output: Awaited<ReturnType<typeof runAdmin>>;

  beforeAll(async () => {
    server = await startTestServer();
    output = await runAdmin(['create-demo'], server.store.db, { kdf: cheapScrypt, now });
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints the demo login and what it created', () => {
    expect(output.exitCode, output.stderr.join('\n')).toBe(0);
    expect(output.stdout[0]).toContain(DEMO_TEAM);
    expect(output.stdout).toContain(`  username: ${DEMO_USERNAME}`);
    expect(output.stdout.join('\n')).toMatch(
      new RegExp(
        `caseload for ${today}.*: \\d+ families, \\d+ children, \\d+ caregivers, \\d+ consents, \\d+ contacts`,
      ),
    );
  });

  it('lets the demo user pull the caseload, every record valid and created once by device demo-seed', async () => {
    const token = await login(server, DEMO_USERNAME, passwordFrom(output.stdout));
    const records = await pullEverything(server, token);
    const byKind = new Map<string, typeof records>();
    for (const record of records) byKind.set(record.kind, [...(byKind.get(record.kind) ?? []), record]);

    const families = byKind.get('family') ?? [];
    const children = byKind.get('child') ?? [];
    const contacts = byKind.get('contact') ?? [];
    expect(families.length).toBeGreaterThanOrEqual(50);
    expect(children.length).toBeGreaterThanOrEqual(families.length);
    expect(contacts.length).toBeGreaterThan(children.length * 5);
    expect((byKind.get('caregiver') ?? []).length).toBeGreaterThanOrEqual(families.length);
    expect((byKind.get('consent') ?? []).length).toBeGreaterThanOrEqual(families.length);
    const summary = output.stdout.join('\n');
    expect(summary).toContain(`${families.length} families, ${children.length} children`);
    expect(summary).toContain(`${contacts.length} contacts`);

    const demo = findUserByUsername(server.store.db, DEMO_USERNAME);
    // The caseload is created once, now; the activity at the fictional moments it happened, each
    // visit as a draft and then signed (rev 2), so the server's journal rules judged every visit.
    const activityKinds = new Set(['visit', 'observation', 'instrumentResponse']);
    for (const record of records) {
      const parsed = kinds[record.kind as RecordKind].schema.safeParse(record.data);
      expect(parsed.success, `${record.kind} ${record.id}`).toBe(true);
      expect(record).toMatchObject({ deleted: false, updatedBy: demo?.displayName });
      if (record.kind === 'visit') {
        expect(record.rev).toBe(2);
        expect(record.data).toMatchObject({ status: 'underskrevet', authorId: demo?.id, signedById: demo?.id });
        expect(String(record.data.serverSignedAt) <= now.toISOString()).toBe(true);
      } else if (!activityKinds.has(record.kind) && !record.kind.startsWith('cosp')) {
        expect(record).toMatchObject({ rev: 1, updatedAt: now.toISOString() });
      }
    }
    expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);

    const ledger = server.store.db
      .prepare('SELECT device_id AS deviceId, status, count(*) AS n FROM mutations GROUP BY device_id, status')
      .all();
    const visits = byKind.get('visit') ?? [];
    expect(visits.length).toBeGreaterThan(50);
    expect(ledger).toEqual([{ deviceId: 'demo-seed', status: 'applied', n: records.length + visits.length }]);

    const items = worklist(
      contacts.map((c) => ({ id: c.id, ...(c.data as Contact) })),
      today,
    );
    expect(items.some((item) => item.bucket === 'overdue')).toBe(true);
  });

  it('keeps the demo caseload inside the demo team', async () => {
    await addUser(server.store, { username: 'anna', team: 'Nord' });
    const records = await pullEverything(server, await login(server, 'anna'));
    expect(records).toEqual([]);
  });

  it('run again, leaves the caseload as it is and prints a new login that works (the old one no longer)', async () => {
    const count = () => server.store.db.prepare('SELECT count(*) AS n FROM records').get();
    const before = count();
    const again = await runAdmin(['create-demo'], server.store.db, { kdf: cheapScrypt, now });
    expect(again.exitCode, again.stderr.join('\n')).toBe(0);
    expect(again.stdout[0]).toMatch(/already exists; its fictional caseload was left unchanged/);
    expect(again.stdout).toContain(`  username: ${DEMO_USERNAME}`);
    expect(count()).toEqual(before);
    const password = passwordFrom(again.stdout);
    expect(password).not.toBe(passwordFrom(output.stdout));
    expect(await login(server, DEMO_USERNAME, password)).toBeTruthy();
    await expect(login(server, DEMO_USERNAME, passwordFrom(output.stdout))).rejects.toThrow(/401/);
    output = again;
  });

  it('still refuses when the name "demo" or the demo team belongs to something else', async () => {
    const dir = makeTempDir();
    const store = openStore({ dataDir: dir.path });
    try {
      await addUser(store, { username: 'demo', team: 'Nord' });
      const out = await runAdmin(['create-demo'], store.db, { kdf: cheapScrypt });
      expect(out.exitCode).toBe(1);
      expect(out.stderr[0]).toMatch(/already exists/);
    } finally {
      store.close();
      dir.remove();
    }
  });

  it('refuses a bad --families value', async () => {
    const dir = makeTempDir();
    const store = openStore({ dataDir: dir.path });
    try {
      for (const bad of ['0', 'many', '2.5', '100000']) {
        const out = await runAdmin(['create-demo', '--families', bad], store.db, { kdf: cheapScrypt });
        expect(out.exitCode).toBe(2);
        expect(out.stderr[0]).toMatch(/--families must be a whole number/);
      }
      expect(store.db.prepare('SELECT count(*) AS n FROM teams').get()).toEqual({ n: 0 });
    } finally {
      store.close();
      dir.remove();
    }
  });
});

describe('npm run demo (the CLI process)', () => {
  it('loads the demo caseload into DATA_DIR once; a second run prints a new login and loads nothing', () => {
    const dir = makeTempDir();
    try {
      const run = () =>
        spawnSync(process.execPath, ['src/server/cli/admin.ts', 'create-demo', '--families', '5'], {
          cwd: repoRoot,
          env: { ...process.env, DATA_DIR: dir.path },
          encoding: 'utf8',
        });
      const first = run();
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/: 5 families, \d+ children/);
      expect(first.stdout).toContain('username: demo');

      expect(first.stdout).toContain('Run `npm run demo` again');

      const second = run();
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/already exists; its fictional caseload was left unchanged/);
      expect(second.stdout).toMatch(/password: demo-\S+/);

      const store = openStore({ dataDir: dir.path });
      try {
        const kindsStored = store.db.prepare('SELECT kind, count(*) AS n FROM records GROUP BY kind').all() as {
          kind: string;
          n: number;
        }[];
        expect(kindsStored.find((k) => k.kind === 'family')?.n).toBe(5);
        const stored = kindsStored.map((k) => k.kind);
        expect(stored).toEqual(expect.arrayContaining(['caregiver', 'child', 'consent', 'contact', 'family', 'visit']));
        // The rest is the demo activity (demo-activity.ts); which of it five families get depends on the day.
        const activity = [
          'observation',
          'instrumentResponse',
          'cospCourse',
          'cospSession',
          'cospEnrollment',
          'cospAttendance',
        ];
        const caseload = ['caregiver', 'child', 'consent', 'contact', 'family', 'visit'];
        expect(stored.filter((k) => !caseload.includes(k) && !activity.includes(k))).toEqual([]);
      } finally {
        store.close();
      }
    } finally {
      dir.remove();
    }
  }, 60_000);
});
