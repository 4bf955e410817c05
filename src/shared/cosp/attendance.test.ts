import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttendanceEntry,
  attendanceFor,
  attendanceStatuses,
  attendanceWrites,
  compareLatestFirst,
  pairKey,
  resolveAttendance,
} from './attendance.ts';
import { attendanceRecordId, ids, sessionId } from './test-fixtures.ts';

const session = { id: sessionId(1) };
const participant = { id: ids.enrollment };

type Stamped = AttendanceEntry & { updatedAt: string; device: string };
const record = (n: number, patch: Partial<Stamped>): Stamped => ({
  id: attendanceRecordId(n),
  sessionId: session.id,
  enrollmentId: participant.id,
  status: 'moedt',
  seq: n,
  updatedAt: '2025-09-02T10:00:00+02:00',
  device: 'A',
  ...patch,
});

describe('attendance of one participant at one session', () => {
  it('is unrecorded when no record matches', () => {
    const other = record(1, { enrollmentId: ids.enrollment2 });
    expect(attendanceFor(session, participant, [other])).toEqual({
      status: null,
      record: null,
      records: [],
      disputed: false,
    });
  });

  it('takes the one record there is', () => {
    const only = record(4, { status: 'afbud' });
    const result = attendanceFor(session, participant, [only]);
    expect(result).toMatchObject({ status: 'afbud', disputed: false });
    expect(result.record).toBe(only);
  });

  it('two tablets agreeing: both records kept, no dispute', () => {
    const a = record(3, { device: 'A' });
    const b = record(7, { device: 'B' });
    const result = attendanceFor(session, participant, [a, b]);
    expect(result).toMatchObject({ status: 'moedt', disputed: false });
    expect(result.records).toEqual([b, a]);
  });

  it('two tablets disagreeing: the later server write decides, the dispute is shown, nothing is dropped', () => {
    const a = record(3, { device: 'A', status: 'moedt' });
    const b = record(9, { device: 'B', status: 'afbud' });
    const result = attendanceFor(session, participant, [a, b]);
    expect(result.status).toBe('afbud');
    expect(result.record).toBe(b);
    expect(result.disputed).toBe(true);
    expect(result.records).toEqual([b, a]);
  });

  it('never uses the device clock: a later clock on the earlier server write does not win', () => {
    const early = record(3, { status: 'udeblevet', updatedAt: '2031-01-01T00:00:00+00:00' });
    const late = record(9, { status: 'moedt', updatedAt: '1999-01-01T00:00:00+00:00' });
    expect(attendanceFor(session, participant, [early, late]).status).toBe('moedt');
    expect(attendanceFor(session, participant, [late, early]).status).toBe('moedt');
  });

  it('ranks a change still on its way to the server after everything pulled', () => {
    const pulled = record(40, { status: 'afbud' });
    const mine = record(2, { status: 'moedt', seq: null, pending: true });
    const result = attendanceFor(session, participant, [pulled, mine]);
    expect(result.status).toBe('moedt');
    expect(result.disputed).toBe(true);
    const pendingUpdate = record(5, { status: 'udeblevet', pending: true });
    expect(attendanceFor(session, participant, [pulled, pendingUpdate]).status).toBe('udeblevet');
  });

  it('ignores deleted records and records of other sessions', () => {
    const deleted = record(9, { status: 'afbud', deleted: true });
    const otherSession = record(10, { status: 'udeblevet', sessionId: sessionId(2) });
    const live = record(2, { status: 'moedt' });
    expect(attendanceFor(session, participant, [deleted, otherSession, live])).toMatchObject({
      status: 'moedt',
      disputed: false,
      records: [live],
    });
  });

  it('resolves all pairs at once like one at a time', () => {
    const records = [
      record(1, {}),
      record(2, { status: 'afbud' }),
      record(3, { enrollmentId: ids.enrollment2, status: 'udeblevet' }),
    ];
    const all = resolveAttendance(records);
    expect([...all.keys()].toSorted()).toEqual(
      [pairKey(session.id, ids.enrollment), pairKey(session.id, ids.enrollment2)].toSorted(),
    );
    expect(all.get(pairKey(session.id, ids.enrollment))).toEqual(attendanceFor(session, participant, records));
  });
});

describe('attendance merge properties', () => {
  const entry = fc.record({
    n: fc.integer({ min: 1, max: 999 }),
    status: fc.constantFrom(...attendanceStatuses),
    pending: fc.boolean(),
    synced: fc.boolean(),
    enrollment: fc.constantFrom(ids.enrollment, ids.enrollment2),
    deleted: fc.boolean(),
    clock: fc.date({ noInvalidDate: true }),
  });
  // Server seqs are unique; ids too (one record per id).
  const entries = fc.uniqueArray(entry, { selector: (e) => e.n, maxLength: 12 }).map((list) =>
    list.map(
      (e): Stamped =>
        record(e.n, {
          status: e.status,
          seq: e.synced || !e.pending ? e.n : null,
          pending: e.pending,
          enrollmentId: e.enrollment,
          deleted: e.deleted,
          updatedAt: e.clock.toISOString(),
        }),
    ),
  );

  it('the result does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        entries.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(attendanceFor(session, participant, shuffled)).toEqual(attendanceFor(session, participant, list));
        },
      ),
    );
  });

  it('the deciding record is the latest in server order, never chosen by clock', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const live = list.filter((e) => !e.deleted && e.enrollmentId === participant.id);
        const result = attendanceFor(session, participant, list);
        if (live.length === 0) {
          expect(result.status).toBeNull();
          return;
        }
        const pending = live.filter((e) => e.pending);
        const pool = pending.length > 0 ? pending : live;
        const top = Math.max(...pool.map((e) => e.seq ?? -1));
        expect(result.record?.seq ?? -1).toBe(top);
        expect(result.records).toHaveLength(live.length);
        expect(result.disputed).toBe(new Set(live.map((e) => e.status)).size > 1);
        // Rewriting every clock leaves the answer unchanged.
        const reclocked = list.map((e) => ({ ...e, updatedAt: '2000-01-01T00:00:00Z' }));
        expect(attendanceFor(session, participant, reclocked).record?.id).toBe(result.record?.id);
      }),
    );
  });

  it('orders records totally (antisymmetric comparator)', () => {
    fc.assert(
      fc.property(entries, (list) => {
        for (const a of list)
          for (const b of list)
            expect(Math.sign(compareLatestFirst(a, b))).toBe(-Math.sign(compareLatestFirst(b, a)) || 0);
      }),
    );
  });

  it('settling a dispute makes every record agree', () => {
    fc.assert(
      fc.property(entries, fc.constantFrom(...attendanceStatuses), (list, chosen) => {
        const before = attendanceFor(session, participant, list);
        const writes = attendanceWrites(before, session.id, participant.id, chosen);
        const after = list.map((e) => {
          const write = writes.find((w) => w.op === 'update' && w.id === e.id);
          return write?.op === 'update' ? { ...e, ...write.data, pending: true } : e;
        });
        const created = writes.flatMap((w) =>
          w.op === 'create' ? [{ ...w.data, id: attendanceRecordId(5000), seq: null, pending: true }] : [],
        );
        const result = attendanceFor(session, participant, [...after, ...created]);
        expect(result.status).toBe(chosen);
        expect(result.disputed).toBe(false);
      }),
    );
  });
});

describe('attendance writes', () => {
  it('creates the first record of a pair', () => {
    const none = attendanceFor(session, participant, []);
    expect(attendanceWrites(none, session.id, participant.id, 'moedt')).toEqual([
      { op: 'create', data: { sessionId: session.id, enrollmentId: participant.id, status: 'moedt' } },
    ]);
    expect(attendanceWrites(none, session.id, participant.id, null)).toEqual([]);
  });

  it('updates the records that differ and leaves agreeing ones alone', () => {
    const a = record(1, { status: 'moedt' });
    const b = record(2, { status: 'afbud' });
    const current = attendanceFor(session, participant, [a, b]);
    expect(attendanceWrites(current, session.id, participant.id, 'moedt')).toEqual([
      { op: 'update', id: b.id, data: { status: 'moedt' } },
    ]);
    expect(attendanceWrites(attendanceFor(session, participant, [a]), session.id, participant.id, 'moedt')).toEqual([]);
  });

  it('clears a pair by deleting its records', () => {
    const a = record(1, {});
    const b = record(2, {});
    expect(attendanceWrites(attendanceFor(session, participant, [a, b]), session.id, participant.id, null)).toEqual([
      { op: 'delete', id: b.id },
      { op: 'delete', id: a.id },
    ]);
  });
});
