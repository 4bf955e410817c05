/**
 * Device audit events (issue 14 §1, domain.md §6): one call records that the signed-in user
 * opened, printed, exported or handed over a citizen's data on this device. The event is an
 * `auditEvent` record written through the ordinary writer, so it is in the outbox, synced, final on
 * the server (which checks the user and stamps its own time) and stored like every other record.
 * It holds ids and codes only — never names or journal text. Writes are not recorded here: the
 * server's mutation ledger has every write with user, device and time (decision 0055).
 */
import type { AuditEventInput } from '../../shared/audit/audit-event.ts';
import { getSession } from '../sync/session.ts';
import type { RecordReader } from './reader.ts';
import type { RecordWriter } from './records.ts';
import { records } from './store.ts';
import { writer } from './write-store.ts';

export type AuditAction = 'open' | 'print' | 'export' | 'handover';

export type AuditInput = {
  action: AuditAction;
  /** The screen or document as a code (lower-case letters, digits, '-'), e.g. 'visit-summary'. */
  what: string;
  familyId?: string;
  childId?: string;
  /** The one record opened, printed or handed over, when there is one. */
  recordId?: string;
};

type Deps = {
  writer: Pick<RecordWriter, 'create'>;
  records: Pick<RecordReader, 'getWithDeleted'>;
  userId: () => Promise<string>;
  now?: () => Date;
};

/**
 * A record the server refused to create (a local row it never accepted) can never be referred to:
 * an event naming it would be rejected too. Such a reference is left out; the event stays.
 */
async function knownToServer(deps: Deps, kind: 'family' | 'child', id: string): Promise<boolean> {
  const row = await deps.records.getWithDeleted(kind, id);
  return !(row && row.rev === 0 && row.sync === 'rejected');
}

export function auditRecorder(deps: Deps) {
  return async function record(event: AuditInput): Promise<void> {
    const familyId = event.familyId && (await knownToServer(deps, 'family', event.familyId)) ? event.familyId : '';
    const childId = event.childId && (await knownToServer(deps, 'child', event.childId)) ? event.childId : '';
    const data: AuditEventInput = {
      action: event.action,
      what: event.what,
      familyId,
      childId,
      recordId: event.recordId ?? '',
      userId: await deps.userId(),
      at: (deps.now?.() ?? new Date()).toISOString(),
    };
    await deps.writer.create('auditEvent', data);
  };
}

const recordDefault = auditRecorder({
  writer,
  records,
  userId: async () => (await getSession())?.user.id ?? '',
});

/**
 * Records one event on this device. Never throws into the screen that calls it (the data was
 * shown either way); a failure is a bug and is reported on the console.
 */
export async function audit(event: AuditInput): Promise<void> {
  try {
    await recordDefault(event);
  } catch (error) {
    console.error('audit event not recorded', event.action, event.what, error);
  }
}
