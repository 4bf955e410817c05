/**
 * The write rules of every kind, applied by the server to every mutation in one place (the device
 * only offers what they allow; a rule only the client keeps is not kept). Derived from each kind's
 * registry entry (schemas/kinds.ts): who may write it, the records it must refer to in the writer's
 * team, and its journal rule (journalføringsbekendtgørelsen, domain.md §6):
 * - signed is final: a signed record, everything of a signed visit and every correction are never
 *   changed or deleted;
 * - a correction points to an existing, signed original of the same kind and subject;
 * - identity comes from the login: author and signer ids must be the user's, names are set from the
 *   login, and only the author edits or signs a draft;
 * - times: the server stamps its own time of creation and of signing; the device's time of signing
 *   is kept, but refused when it lies in the server's future or before the record could exist;
 * - a visit is signed only with its template's required sections;
 * - a disclosure (a kind with a consentGate) is written only with a legal basis on its date and on
 *   the day it is signed: the family's active consent, or an allowed exception with a justification.
 * Pure: the caller passes the team-scoped lookups and the server's clock.
 */

import type { ConsentType } from '../caseload/consent.ts';
import { disclosureGate } from '../caseload/disclosure.ts';
import type { Stored } from '../journal/signature.ts';
import {
  type ConsentGateRule,
  type JournalRule,
  type KindSpec,
  type RecordKind,
  type Role,
  registry,
} from '../schemas/kinds.ts';
import type { Observation } from '../visits/observation.ts';
import { visitSignProblems } from '../visits/templates.ts';
import type { RejectionCode } from './protocol.ts';

type Doc = Record<string, unknown>;

/** A record as the server holds it, for the rules (team-scoped: another team's records are absent). */
export type StoredRecord = { kind: string; data: Doc; deleted: boolean; createdBy: string; createdAt: string };

export type WriteContext = {
  user: { id: string; displayName: string; role: Role };
  /** The server's clock. */
  now: Date;
  lookup: (id: string) => StoredRecord | undefined;
  /** The current (not deleted) observations of a visit, for the sign check. */
  observationsOf: (visitId: string) => Stored<Observation>[];
  /** The current (not deleted) records of a kind about a family, for the consent gate. */
  recordsOf: (kind: RecordKind, familyId: string) => StoredRecord[];
  /** How far a device clock may run ahead of the server's (default 5 minutes). */
  skewMs?: number;
  /** How long a device may sign offline before syncing (default 90 days). */
  maxOfflineMs?: number;
};

export type WriteProblem = { code: RejectionCode; message: string; details?: unknown };
export type WriteOutcome = { ok: true; data: Doc | null } | { ok: false; problem: WriteProblem };

const DEFAULT_SKEW_MS = 5 * 60 * 1000;
const DEFAULT_MAX_OFFLINE_MS = 90 * 24 * 60 * 60 * 1000;
/** The subject fields a referenced record and the referring record must agree on. */
const subjectFields = ['familyId', 'childId', 'visitId', 'courseId', 'sessionId'] as const;

const fail = (code: RejectionCode, message: string, details?: unknown): WriteOutcome => ({
  ok: false,
  problem: details === undefined ? { code, message } : { code, message, details },
});
const str = (value: unknown) => (typeof value === 'string' ? value : '');
/** An id field that names the signed-in user, or is left for the server to set. */
const isUser = (value: unknown, ctx: WriteContext) => str(value) === '' || value === ctx.user.id;
const isSigned = (data: Doc) => data.status === 'underskrevet';

/**
 * Checks one mutation and returns the data to store (stamped with the server's identity and times),
 * or the problem. `next` is the whole document after the write (already valid for its schema);
 * null for a delete.
 */
export function checkWrite(
  write: { kind: RecordKind; id: string; op: 'create' | 'update' | 'delete' },
  current: StoredRecord | undefined,
  next: Doc | null,
  ctx: WriteContext,
): WriteOutcome {
  const { kind, op } = write;
  const spec: KindSpec = registry[kind];
  const allowed = spec.roles?.[op];
  // Municipality settings and the like are kept by some roles only.
  if (allowed && !allowed.includes(ctx.user.role)) return fail('forbidden', `Your role may not ${op} ${kind} records.`);
  // Audit events are append-only: a log that can be edited proves nothing.
  if (spec.appendOnly && op !== 'create') return fail('final_record', `A ${kind} record is never changed or deleted.`);
  if (next !== null) {
    const refs = checkRefs(spec, current, next, ctx);
    if (refs) return refs;
  }
  // The user a record names is the login's, never the payload's word: set when left out, checked when given.
  if (spec.userField && op === 'create') {
    if (!isUser(next?.[spec.userField], ctx))
      return fail('identity_mismatch', `${spec.userField} must be the signed-in user.`);
    return { ok: true, data: { ...next, [spec.userField]: ctx.user.id } };
  }
  const outcome =
    spec.journal?.mode === 'signed'
      ? signedRule(write, spec.journal, current, next, ctx)
      : spec.journal?.mode === 'partOfVisit'
        ? partOfVisitRule(write, spec.journal, current, next, ctx)
        : ({ ok: true, data: next } as const);
  if (!outcome.ok || !spec.consentGate || next === null) return outcome;
  return consentGate(spec.consentGate, op, current, next, ctx) ?? outcome;
}

/**
 * A disclosure needs its legal basis (caseload/disclosure.ts): checked when the record discloses
 * (the rule's `on`), on the record's date and on the day the device signed it, against the
 * family's own consents as the server holds them.
 */
function consentGate(
  rule: ConsentGateRule,
  op: 'create' | 'update' | 'delete',
  current: StoredRecord | undefined,
  next: Doc,
  ctx: WriteContext,
): WriteOutcome | null {
  if (rule.when && !rule.when(next)) return null;
  const correction = str(next.amendsId) !== '';
  if (correction && !rule.corrections) return null;
  if (rule.on === 'create' && op !== 'create') return null;
  if (rule.on === 'sign' && !(isSigned(next) && !(current && isSigned(current.data)))) return null;
  const familyId = str(next.familyId);
  const consents = ctx
    .recordsOf('consent', familyId)
    .map((r) => r.data as Parameters<typeof disclosureGate>[0][number]);
  const date = str(next[rule.dateField ?? 'date']) || dateOfVisit(next, ctx);
  const signedDay = str(next.signedAt).slice(0, 10);
  const dates = [date, ...(signedDay !== '' && signedDay > date ? [signedDay] : [])];
  const scores = rule.scoresField ? ((next[rule.scoresField] as unknown[] | undefined)?.length ?? 0) : 0;
  const gate = disclosureGate(
    consents,
    { consent: rule.consent as ConsentType, exceptions: rule.exceptions },
    {
      // A kind without basis fields (a shared language result) claims consent.
      ...('legalBasis' in next ? { legalBasis: str(next.legalBasis) } : {}),
      exception: str(next.exception),
      justification: str(next.justification),
      scores: scores > 0,
    },
    dates,
  );
  if (gate.ok) return null;
  return fail('legal_basis_missing', 'No active consent or justified exception allows this disclosure on its date.', {
    reason: gate.reason,
    dates,
  });
}

/** Every reference names a record of the writer's team, of an allowed kind, about the same subject. */
function checkRefs(spec: KindSpec, current: StoredRecord | undefined, next: Doc, ctx: WriteContext) {
  for (const [field, kinds] of Object.entries(spec.refs ?? {})) {
    // A list field (e.g. the institutions of a talk) names each of its entries.
    const before = current?.data[field];
    const ids = Array.isArray(next[field]) ? (next[field] as unknown[]).map(str) : [str(next[field])];
    for (const id of ids) {
      // Only references that are set, and on an update only those that change: a record stays
      // editable after, say, its contact was archived.
      if (id === '' || (current && (before === id || (Array.isArray(before) && before.includes(id))))) continue;
      const target = ctx.lookup(id);
      if (!target || !kinds.includes(target.kind))
        return fail('reference_missing', `${field} names no ${kinds.join(' or ')} record in your team.`, { field });
      for (const subject of subjectFields) {
        const mine = str(next[subject]);
        const theirs = str(target.data[subject]);
        if (subject !== field && mine !== '' && theirs !== '' && mine !== theirs)
          return fail('reference_mismatch', `${field} names a record of another ${subject}.`, { field, subject });
      }
    }
  }
  return null;
}

/** Records that are drafts until signed: visits, journal notes, COS-P reflections. */
type Write = Parameters<typeof checkWrite>[0];

function signedRule(
  write: Write,
  rule: Extract<JournalRule, { mode: 'signed' }>,
  current: StoredRecord | undefined,
  next: Doc | null,
  ctx: WriteContext,
): WriteOutcome {
  const { op } = write;
  const authorOf = (record: StoredRecord) =>
    rule.author === 'fields' && str(record.data.authorId) !== '' ? str(record.data.authorId) : record.createdBy;
  if (current) {
    // Signed is final; a correction is signed when made, so it is final too.
    if (isSigned(current.data) || str(current.data.amendsId) !== '')
      return fail('final_record', 'A signed record is final; add a correction instead.');
    if (authorOf(current) !== ctx.user.id) return fail('not_author', 'Only the author may change or sign a draft.');
    if (op === 'delete') return { ok: true, data: null };
  }
  const doc = { ...(next as Doc) };
  if (current && str(doc.amendsId) !== str(current.data.amendsId))
    return fail('invalid_correction', 'A draft cannot become a correction; make a new one.');
  if (!current && rule.author === 'fields' && !isUser(doc.authorId, ctx))
    return fail('identity_mismatch', 'The author must be the signed-in user.');
  if (!current && str(doc.amendsId) !== '') {
    const problem = checkCorrection(write.kind, doc, ctx, (original) => isSigned(original.data));
    if (problem) return problem;
    if (!isSigned(doc)) return fail('invalid_correction', 'A correction is signed when it is made.');
  }
  const becomesSigned = isSigned(doc) && !(current && isSigned(current.data));
  if (becomesSigned) {
    const problem = checkSignature(doc, ctx, signingFloors(doc, current, ctx));
    if (problem) return problem;
    if (rule.signRequiresSections) {
      const problems = visitSignProblems(doc as Parameters<typeof visitSignProblems>[0], ctx.observationsOf(write.id));
      if (problems.length > 0) return fail('sign_incomplete', 'Required sections are missing.', problems);
    }
  }
  const authorId = current ? authorOf(current) : ctx.user.id;
  return { ok: true, data: stamp(doc, current, ctx, becomesSigned, rule.author === 'fields' ? authorId : null) };
}

/** Records of a visit: final with the visit; corrected after signing by signed corrections. */
function partOfVisitRule(
  write: Write,
  rule: Extract<JournalRule, { mode: 'partOfVisit' }>,
  current: StoredRecord | undefined,
  next: Doc | null,
  ctx: WriteContext,
): WriteOutcome {
  const { op } = write;
  const doc = next ?? (current as StoredRecord).data;
  const visit = ctx.lookup(str(doc.visitId));
  if (!visit) return fail('reference_missing', 'visitId names no visit in your team.', { field: 'visitId' });
  if (current && str(current.data.visitId) !== str(doc.visitId))
    return fail('reference_mismatch', 'A record of a visit cannot move to another visit.', { field: 'visitId' });
  const visitSigned = isSigned(visit.data);
  const correction = str(doc.amendsId) !== '';
  if (current) {
    if (str(current.data.amendsId) !== '') return fail('final_record', 'A correction is final once made.');
    if (visitSigned) return fail('final_record', 'The visit is signed: its records are final; add a correction.');
    if (authorOfVisit(visit) !== ctx.user.id)
      return fail('not_author', "Only the visit's author may change its draft.");
    if (op === 'delete') return { ok: true, data: null };
    if (correction) return fail('invalid_correction', 'A draft section is edited, not corrected.');
    return { ok: true, data: stamp({ ...doc }, current, ctx, false, null) };
  }
  if (!correction) {
    if (visitSigned) return fail('final_record', 'The visit is signed: add a correction instead.');
    if (authorOfVisit(visit) !== ctx.user.id)
      return fail('not_author', "Only the visit's author may add to its draft.");
    return { ok: true, data: stamp({ ...doc }, undefined, ctx, false, null) };
  }
  if (!rule.corrections) return fail('invalid_correction', `A ${write.kind} is not corrected after signing.`);
  if (!visitSigned) return fail('invalid_correction', 'A draft visit is edited, not corrected.');
  const problem =
    checkCorrection(write.kind, doc, ctx, () => true) ??
    (rule.sameSection && sectionOf(doc) !== sectionOf(ctx.lookup(str(doc.amendsId))?.data ?? {})
      ? fail('invalid_correction', 'A correction must be of the same section.')
      : null) ??
    checkSignature(doc, ctx, [...signingFloors(doc, undefined, ctx)]);
  if (problem) return problem;
  return { ok: true, data: stamp({ ...doc }, undefined, ctx, true, null) };
}

const authorOfVisit = (visit: StoredRecord) => str(visit.data.authorId) || visit.createdBy;
const sectionOf = (data: Doc) => str((data.values as Doc | undefined)?.section);

/** A correction names a root original of the same kind and subject that is itself final. */
function checkCorrection(
  kind: RecordKind,
  doc: Doc,
  ctx: WriteContext,
  originalIsFinal: (original: StoredRecord) => boolean,
): WriteOutcome | null {
  const original = ctx.lookup(str(doc.amendsId));
  if (!original || original.kind !== kind || original.deleted)
    return fail('invalid_correction', 'amendsId names no original of this kind in your team.', { field: 'amendsId' });
  if (str(original.data.amendsId) !== '')
    return fail('invalid_correction', 'A correction points to the original, not to another correction.');
  if (!originalIsFinal(original)) return fail('invalid_correction', 'Only a signed original is corrected.');
  for (const subject of subjectFields) {
    if (str(original.data[subject]) !== str(doc[subject]))
      return fail('invalid_correction', `A correction has the same ${subject} as its original.`, { field: subject });
  }
  if (str(doc.amendmentReason).trim() === '') return fail('invalid_correction', 'A correction gives its reason.');
  return null;
}

/** The earliest instants a signature could have been made, as ISO strings. */
function signingFloors(doc: Doc, current: StoredRecord | undefined, ctx: WriteContext): string[] {
  const floors = [new Date(ctx.now.getTime() - (ctx.maxOfflineMs ?? DEFAULT_MAX_OFFLINE_MS)).toISOString()];
  // A draft the server already held was signed after it existed.
  if (current) floors.push(new Date(Date.parse(current.createdAt) - (ctx.skewMs ?? DEFAULT_SKEW_MS)).toISOString());
  // Nothing of a visit is signed before the visit's day began (anywhere on Earth: UTC+14).
  const visitDate = str(doc.date) !== '' && doc.visitId === undefined ? str(doc.date) : dateOfVisit(doc, ctx);
  if (visitDate !== '') floors.push(new Date(`${visitDate}T00:00:00+14:00`).toISOString());
  return floors;
}

const dateOfVisit = (doc: Doc, ctx: WriteContext) => {
  const id = str(doc.visitId);
  return id === '' ? '' : str(ctx.lookup(id)?.data.date);
};

/** The signer is the login; the device's time of signing lies between the floors and the server's now. */
function checkSignature(doc: Doc, ctx: WriteContext, floors: string[]): WriteOutcome | null {
  if (!isUser(doc.signedById, ctx)) return fail('identity_mismatch', 'The signer must be the signed-in user.');
  const at = Date.parse(str(doc.signedAt));
  if (Number.isNaN(at)) return fail('signed_at_invalid', 'signedAt is not a time.');
  if (at > ctx.now.getTime() + (ctx.skewMs ?? DEFAULT_SKEW_MS))
    return fail('signed_at_invalid', "The device's time of signing lies in the future of the server's clock.", {
      serverTime: ctx.now.toISOString(),
    });
  const floor = floors.reduce((a, b) => (a > b ? a : b));
  if (at < Date.parse(floor))
    return fail('signed_at_invalid', 'The time of signing lies before the record could exist.', { earliest: floor });
  return null;
}

/**
 * The server's identity and times on the stored data; a client never sets them. `authorId`: the
 * author of a kind with author fields (null for others): kept on a draft, the login's on a new one.
 */
function stamp(
  doc: Doc,
  current: StoredRecord | undefined,
  ctx: WriteContext,
  signedNow: boolean,
  authorId: string | null,
) {
  const now = ctx.now.toISOString();
  const out: Doc = { ...doc };
  out.recordedAt = str(current?.data.recordedAt) || (current ? current.createdAt : now);
  if (authorId !== null) {
    out.authorId = authorId;
    out.author = current && str(current.data.author) !== '' ? current.data.author : ctx.user.displayName;
  }
  if (signedNow) {
    out.signedById = ctx.user.id;
    out.signedBy = ctx.user.displayName;
    out.serverSignedAt = now;
  } else if ('signedAt' in out) {
    out.serverSignedAt = str(current?.data.serverSignedAt);
  }
  return out;
}
