/**
 * The access extract as rows a leader reads (and the CSV file holds): when (the server's time; the
 * device's clock beside it for what a tablet recorded), who (the user's name from the server),
 * what they did (opened, changed, printed, exported, handed over, received on a device, read this
 * log), what it was (a page, a document or a kind of record), which child (names from this device's
 * caseload; the server sends ids only) and on which device. One function for screen and file, so
 * the two always agree.
 */
import type { AuditEventView } from '../../../shared/admin/views.ts';
import { type AuditWhat, auditWhatCodes } from '../../../shared/audit/what-codes.ts';
import { isRecordKind } from '../../../shared/schemas/kinds.ts';

export type ExtractRow = {
  /** The server's time (ISO): the order. */
  at: string;
  /** The device's clock when a device recorded the event (ISO), else null. */
  deviceAt: string | null;
  user: string;
  username: string;
  action: string;
  what: string;
  child: string;
  device: string;
  /** What the device recorded, as opposed to what the server saw (a pull, a write, a read). */
  fromDevice: boolean;
};

/** Text lookups: the catalogue (by key) and this device's caseload. */
export type RowContext = {
  text: (key: string) => string;
  childName: (childId: string) => string | undefined;
  /** The child a record (a visit, note, contact, the child itself) concerns, when this device knows. */
  childOf: (recordId: string) => string | undefined;
};

const deviceActions = ['open', 'print', 'export', 'handover'] as const;
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function actionKey(e: AuditEventView): string | null {
  if (e.source === 'device') return (deviceActions as readonly string[]).includes(e.action) ? e.action : null;
  if (e.action === 'sync.pull') return 'received';
  if (e.action === 'audit.read') return 'readLog';
  if (e.action !== 'sync.write') return null;
  const status = str(e.details?.status);
  if (status === 'conflict') return 'changedConflict';
  if (status === 'rejected') return 'changeRejected';
  return 'changed';
}

function whatText(e: AuditEventView, ctx: RowContext): string {
  if (e.source === 'device') {
    const code = str(e.details?.what);
    return (auditWhatCodes as string[]).includes(code) ? ctx.text(`accessLog.what.${code as AuditWhat}`) : code;
  }
  if (e.action === 'sync.pull') return ctx.text('accessLog.what.records');
  if (e.action === 'audit.read') return ctx.text('accessLog.what.access-extract');
  const kind = str(e.details?.kind);
  return isRecordKind(kind) ? ctx.text(`kinds.${kind}`) : kind;
}

function childText(e: AuditEventView, ctx: RowContext): string {
  const childId =
    e.source === 'device'
      ? str(e.details?.childId)
      : e.action === 'sync.write'
        ? ctx.childOf(str(e.details?.recordId))
        : '';
  return childId ? (ctx.childName(childId) ?? '') : '';
}

export function extractRows(events: AuditEventView[], ctx: RowContext): ExtractRow[] {
  return events.map((e) => {
    const key = actionKey(e);
    return {
      at: e.at,
      deviceAt: e.deviceAt,
      user: e.user?.displayName ?? ctx.text('accessLog.unknownUser'),
      username: e.user?.username ?? '',
      action: key ? ctx.text(`accessLog.actions.${key}`) : e.action,
      what: whatText(e, ctx),
      child: childText(e, ctx),
      // A device that never reported a name is known by the start of its id (the admin's device list shows it).
      device: e.device ? e.device.name || e.device.id.slice(0, 8) : '',
      fromDevice: e.source === 'device',
    };
  });
}
