/**
 * What the daycare screens write (style.md habit 14): handovers and interdisciplinary meetings —
 * started as drafts, saved as typed, signed only through the disclosure gate (the same one the
 * server keeps), corrected by additions — and the team's institutions and talks. Signing a handover
 * is one function, `signHandover`, so an audit event is one line there.
 */
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import type { Consent } from '../../../shared/caseload/consent.ts';
import { type DisclosureCheck, recordGate } from '../../../shared/caseload/disclosure.ts';
import { HANDOVER_DISCLOSURE, MEETING_DISCLOSURE } from '../../../shared/daycare/daycare-fields.ts';
import {
  type Handover,
  handoverAddition,
  handoverSchema,
  newHandover,
  type SharedSection,
  signHandoverData,
} from '../../../shared/daycare/handover.ts';
import { handoverPlanKey } from '../../../shared/daycare/handover-due.ts';
import {
  type Meeting,
  type MeetingType,
  meetingAddition,
  meetingSchema,
  newMeeting,
} from '../../../shared/daycare/meeting.ts';
import { localToday } from '../../../shared/domain/age.ts';
import type { Signer, Stored } from '../../../shared/journal/signature.ts';
import { signNote } from '../../../shared/journal/signed-note.ts';
import { contactCompletion } from '../../../shared/visits/visit.ts';
import { audit } from '../../db/audit.ts';
import { records } from '../../db/store.ts';
import { writer } from '../../db/write-store.ts';

export const handoverDraftKey = (id: string) => `handover:${id}`;
export const meetingDraftKey = (id: string) => `meeting:${id}`;

/** The field problems of a record about to be signed, by top-level field. */
export type FieldProblems = Record<string, string>;

export type SignOutcome =
  | { ok: true }
  | { ok: false; gate: Extract<DisclosureCheck<unknown>, { ok: false }>['reason'] }
  | { ok: false; fields: FieldProblems };

type ConsentRecord = Consent & { id: string };

/** The family's consents with their ids (the gate returns the one it relied on). */
const familyConsents = async (familyId: string): Promise<ConsentRecord[]> =>
  (await records.ofFamily('consent', familyId)).map((c) => ({ ...c.data, id: c.id }));

/** The days a disclosure must be lawful on: its date and today, the day it is signed. */
export const disclosureDays = (date: string) => [...new Set([date, localToday()])];

const problemsOf = (issues: readonly { path: PropertyKey[]; message: string }[]): FieldProblems =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? ''), i.message]));

// Handovers ----------------------------------------------------------------------------------------

/** A new draft handover of the child, to its institution and contact person if it has one; returns its id. */
export async function startHandover(refs: { familyId: string; childId: string }, me: Signer): Promise<string> {
  const child = await records.get('child', refs.childId);
  const institutionId = child?.data.institutionId ?? '';
  const institution = institutionId ? await records.get('institution', institutionId) : undefined;
  return writer.create('handover', {
    ...newHandover({ ...refs, institutionId }, me, localToday()),
    recipientName: institution?.data.contactPerson ?? '',
  });
}

/** Saves the author's draft as it stands. */
export async function saveHandoverDraft(id: string, data: Handover): Promise<void> {
  await writer.update('handover', id, { ...data, status: 'kladde' });
}

/** The legal basis of a handover on its date and today, as the gate sees it now. */
export async function handoverGate(data: Handover): Promise<DisclosureCheck<ConsentRecord>> {
  return recordGate(
    await familyConsents(data.familyId),
    HANDOVER_DISCLOSURE,
    { ...data, scores: data.scores.length > 0 },
    disclosureDays(data.date),
  );
}

/**
 * Signs the author's draft handover: only when its fields are complete and the disclosure gate
 * lets it through on its date and today (the server checks the same). The one place a handover
 * is signed (an audit event goes here).
 */
export async function signHandover(id: string, data: Handover, me: Signer): Promise<SignOutcome> {
  const gate = await handoverGate(data);
  const consentId = gate.ok && gate.basis === 'samtykke' ? gate.consent.id : '';
  const signed = signHandoverData({ ...data, consentId }, me, new Date());
  const parsed = handoverSchema.safeParse(signed);
  if (!parsed.success) return { ok: false, fields: problemsOf(parsed.error.issues) };
  if (!gate.ok) return { ok: false, gate: gate.reason };
  await writer.update('handover', id, parsed.data);
  await audit({ action: 'handover', what: auditWhat.handover, ...handoverRefs(parsed.data), recordId: id });
  await completePlannedHandover(parsed.data);
  return { ok: true };
}

const handoverRefs = (h: Handover) => ({ familyId: h.familyId, childId: h.childId });

/** The plan's handover to this institution is done on the handover's day (handover-due.ts). */
async function completePlannedHandover(handover: Handover): Promise<void> {
  const key = handoverPlanKey(handover.institutionId);
  for (const contact of await records.contactsOfChild(handover.childId)) {
    if (contact.data.scheduleKey === key && contact.data.status === 'planlagt')
      await writer.update('contact', contact.id, { ...contact.data, status: 'gennemfoert', doneDate: handover.date });
  }
}

/** An addition to a signed handover: a new disclosure, gated like the original, signed now. */
export async function addToHandover(
  original: Stored<Handover>,
  addition: { text: string; sections?: SharedSection[] },
  reason: string,
  me: Signer,
): Promise<SignOutcome> {
  const data = handoverAddition(original, addition, reason, me, new Date(), localToday());
  const parsed = handoverSchema.safeParse(data);
  if (!parsed.success) return { ok: false, fields: problemsOf(parsed.error.issues) };
  const gate = await handoverGate(parsed.data);
  if (!gate.ok) return { ok: false, gate: gate.reason };
  const additionId = await writer.create('handover', parsed.data);
  await audit({ action: 'handover', what: auditWhat.handover, ...handoverRefs(parsed.data), recordId: additionId });
  return { ok: true };
}

/** A draft that will not be sent: removed (nothing was disclosed). */
export async function discardHandover(id: string): Promise<void> {
  await writer.remove('handover', id);
}

// Interdisciplinary meetings -------------------------------------------------------------------

/**
 * A new draft meeting (or the one already started for the planned contact); returns its id. A
 * meeting in daycare starts at the child's institution.
 */
export async function startMeeting(
  refs: { familyId: string; childId: string; contactId?: string },
  type: MeetingType,
  me: Signer,
): Promise<string> {
  if (refs.contactId) {
    const existing = (await records.byIndex('cooperationMeeting', 'childId', refs.childId)).find(
      (m) => m.data.contactId === refs.contactId,
    );
    if (existing) return existing.id;
  }
  const child = await records.get('child', refs.childId);
  return writer.create(
    'cooperationMeeting',
    newMeeting({ ...refs, institutionId: child?.data.institutionId ?? '' }, type, localToday(), me),
  );
}

export async function meetingGate(data: Meeting): Promise<DisclosureCheck<ConsentRecord>> {
  return recordGate(await familyConsents(data.familyId), MEETING_DISCLOSURE, data, disclosureDays(data.date));
}

/**
 * Saves the author's meeting; when `sign`, only complete and through the disclosure gate, and the
 * planned contact it carries out is marked done.
 */
export async function saveMeeting(id: string, data: Meeting, me: Signer, sign: boolean): Promise<SignOutcome> {
  const draft: Meeting = { ...data, status: 'kladde' };
  if (!sign) {
    const parsed = meetingSchema.safeParse(draft);
    if (!parsed.success) return { ok: false, fields: problemsOf(parsed.error.issues) };
    await writer.update('cooperationMeeting', id, parsed.data);
    return { ok: true };
  }
  const gate = await meetingGate(draft);
  const consentId = gate.ok && gate.basis === 'samtykke' ? gate.consent.id : '';
  const parsed = meetingSchema.safeParse(signNote({ ...draft, consentId }, me, new Date()));
  if (!parsed.success) return { ok: false, fields: problemsOf(parsed.error.issues) };
  if (!gate.ok) return { ok: false, gate: gate.reason };
  await writer.update('cooperationMeeting', id, parsed.data);
  if (data.contactId !== '') {
    const contact = await records.get('contact', data.contactId);
    const done = contact ? contactCompletion(data, contact.data) : null;
    if (contact && done) await writer.update('contact', contact.id, { ...contact.data, ...done });
  }
  return { ok: true };
}

/** An addition to a signed meeting (a correction of the nurse's own journal: not a new disclosure). */
export async function addToMeeting(original: Stored<Meeting>, text: string, reason: string, me: Signer) {
  await writer.create('cooperationMeeting', meetingAddition(original, text, reason, me, new Date()));
}

export async function discardMeeting(id: string): Promise<void> {
  await writer.remove('cooperationMeeting', id);
}

// Institutions and activities ------------------------------------------------------------------

/** Archives (or takes back into use) an institution: never deleted. */
export async function setInstitutionArchived(id: string, archived: boolean): Promise<void> {
  const current = await records.get('institution', id);
  if (!current) return;
  await writer.update('institution', id, { ...current.data, archivedAt: archived ? localToday() : '' });
}

export async function deleteActivity(id: string): Promise<void> {
  await writer.remove('daycareActivity', id);
}
