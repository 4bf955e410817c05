/**
 * The pseudonymised event export for an evaluator (docs/decisions/0042-exports.md): one row per
 * child × event in the period, with a per-export pseudonym for the child and the family instead of
 * any id or CPR number, the child's age in whole months instead of a date, and codes only (never a
 * name or free text). `exportEvents` is pure and lists the events; `eventsCsv` pseudonymises them.
 * The columns and codes are described by event-description.ts, from the same lists.
 */
import { ageInMonths } from '../domain/age.ts';
import { currentObservations } from '../visits/observation.ts';
import { cooperationEventsFrom } from './cooperation.ts';
import { csvFile, csvLine } from './csv.ts';
import { inPeriod } from './period.ts';
import type { Pseudonymiser } from './pseudonym.ts';
import { type EvaluationOptions, type EvaluationRecords, groupBy, scopeRecords, signedVisits } from './records.ts';
import { judgeVisits } from './timeliness.ts';
import { concernedChildren } from './windows.ts';

export const eventCodes = [
  'inklusion',
  'tilbud',
  'ophoert',
  'kontakt',
  'besoeg',
  'materiale',
  'emne',
  'henvisning',
  'underretning',
  'vurdering',
  'epds',
  'epds-over-graense',
  'adbb',
  'adbb-over-graense',
  'topi',
  'cosp-fremmoede',
  'cosp-udfald',
  'samarbejde',
] as const;
export type EventCode = (typeof eventCodes)[number];

export const exportColumns = ['barn', 'familie', 'alder_maaneder', 'haendelse', 'detalje', 'vaerdi'] as const;

export type ExportEvent = {
  /** '' for a family event of a family with no child it concerns. */
  childId: string;
  familyId: string;
  /** The date, used only to compute the age; never written to the file. */
  date: string;
  event: EventCode;
  detail: string;
  value: string;
};

export function exportEvents(records: EvaluationRecords, options: EvaluationOptions): ExportEvent[] {
  const r = scopeRecords(records, options.nurse);
  const { period, settings } = options;
  const out: ExportEvent[] = [];
  const childrenByFamily = groupBy(r.children, (c) => c.data.familyId);
  const perChild = (familyId: string, date: string, event: EventCode, detail: string, value = '') => {
    const concerned = concernedChildren(childrenByFamily.get(familyId) ?? [], date, settings);
    if (concerned.length === 0) out.push({ childId: '', familyId, date, event, detail, value });
    for (const c of concerned) out.push({ childId: c.id, familyId, date, event, detail, value });
  };
  for (const f of r.families) {
    if (inPeriod(f.data.inclusionDate, period))
      perChild(f.id, f.data.inclusionDate, 'inklusion', f.data.inclusionReason);
    const offer = f.data.extraVisitsOffer;
    if (inPeriod(offer.offeredOn, period))
      perChild(f.id, offer.offeredOn, 'tilbud', offer.answer || 'ikke-svaret', offer.declineReason);
    const lost = f.data.lostToFollowUp;
    if (lost.reason !== '' && inPeriod(lost.date, period)) perChild(f.id, lost.date, 'ophoert', lost.reason);
  }

  const contactById = new Map(r.contacts.map((c) => [c.id, c.data]));
  for (const j of judgeVisits(r, period, options.today, settings)) {
    const c = contactById.get(j.contactId);
    const date = c?.doneDate || j.windowTo;
    out.push({ childId: j.childId, familyId: j.familyId, date, event: 'kontakt', detail: j.key, value: j.category });
  }

  const visits = signedVisits(r.visits).filter((v) => inPeriod(v.data.date, period));
  const visitIds = new Set(visits.map((v) => v.id));
  const observationsByVisit = groupBy(
    r.observations.filter((o) => visitIds.has(o.data.visitId)),
    (o) => o.data.visitId,
  );
  for (const v of visits) {
    const at = { childId: v.data.childId, familyId: v.data.familyId, date: v.data.date };
    const push = (event: EventCode, detail = '', value = '') => out.push({ ...at, event, detail, value });
    push('besoeg', v.data.type, v.data.contactMode);
    for (const m of v.data.materials) push('materiale', m);
    for (const t of v.data.topics) push('emne', t);
    for (const target of v.data.referrals) push('henvisning', target);
    if (v.data.notification) push('underretning');
    const sections = currentObservations(observationsByVisit.get(v.id) ?? []);
    const assessed = sections.assessments?.current.data.values;
    if (assessed?.section === 'assessments')
      for (const [area, a] of Object.entries(assessed.areas)) if (a.level !== '') push('vurdering', area, a.level);
    const topi = sections.topi?.current.data.values;
    if (topi?.section === 'topi') push('topi', '', topi.judgement);
  }
  for (const i of r.instruments) {
    if (!visitIds.has(i.data.visitId)) continue;
    const visit = visits.find((v) => v.id === i.data.visitId);
    const at = { childId: i.data.childId, familyId: i.data.familyId, date: visit?.data.date ?? '' };
    const res = i.data.response;
    const total = res.total === null ? '' : String(res.total);
    const role = res.instrument === 'EPDS' ? res.role : '';
    const code = res.instrument === 'EPDS' ? 'epds' : 'adbb';
    out.push({ ...at, event: code, detail: role, value: total });
    if (res.flags.includes('above-cutoff')) out.push({ ...at, event: `${code}-over-graense`, detail: role, value: '' });
  }

  cospEvents(r, period, out);
  for (const e of cooperationEventsFrom(r))
    if (inPeriod(e.date, period))
      out.push({
        childId: e.childId ?? '',
        familyId: e.familyId ?? '',
        date: e.date,
        event: 'samarbejde',
        detail: e.kind,
        value: '',
      });
  return out;
}

function cospEvents(r: EvaluationRecords, period: EvaluationOptions['period'], out: ExportEvent[]) {
  const registered = new Set(r.attendance.filter((a) => !a.deleted).map((a) => a.sessionId));
  const held = r.sessions.filter(
    (s) => (s.data.status === 'afholdt' || registered.has(s.id)) && inPeriod(s.data.date, period),
  );
  const byPair = new Map<string, { status: string; seq: number }>();
  for (const a of r.attendance) {
    if (a.deleted) continue;
    const key = `${a.sessionId}|${a.enrollmentId}`;
    const seq = a.pending ? Number.MAX_SAFE_INTEGER : (a.seq ?? -1);
    const seen = byPair.get(key);
    if (!seen || seq >= seen.seq) byPair.set(key, { status: a.status, seq });
  }
  const enrolments = groupBy(r.enrollments, (e) => e.data.courseId);
  // Outcomes of the participants of courses completed in the period (dated by the last session held).
  const lastHeld = new Map<string, string>();
  for (const s of r.sessions)
    if (s.data.status === 'afholdt' || registered.has(s.id))
      if ((lastHeld.get(s.data.courseId) ?? '') < s.data.date) lastHeld.set(s.data.courseId, s.data.date);
  for (const course of r.courses) {
    const last = lastHeld.get(course.id) ?? '';
    if (course.data.status !== 'afsluttet' || !inPeriod(last, period)) continue;
    for (const e of enrolments.get(course.id) ?? [])
      out.push({
        childId: e.data.focusChildId,
        familyId: e.data.familyId,
        date: last,
        event: 'cosp-udfald',
        detail: e.data.outcome || 'ikke-angivet',
        value: e.data.outcome === 'frafaldet' ? e.data.dropoutCategory || 'ikke-angivet' : '',
      });
  }
  for (const s of held)
    for (const e of enrolments.get(s.data.courseId) ?? []) {
      if (e.data.enrolledOn > s.data.date) continue;
      const status = byPair.get(`${s.id}|${e.id}`)?.status ?? 'ikke-registreret';
      out.push({
        childId: e.data.focusChildId,
        familyId: e.data.familyId,
        date: s.data.date,
        event: 'cosp-fremmoede',
        detail: String(s.data.number),
        value: status,
      });
    }
}

/** The file: one line per event, pseudonymised, in pseudonym order (which hides the records' order). */
export async function eventsCsv(
  events: readonly ExportEvent[],
  birthDates: ReadonlyMap<string, string>,
  pseudonym: Pseudonymiser,
): Promise<string> {
  const rows = await Promise.all(
    events.map(async (e) => {
      const birth = birthDates.get(e.childId);
      return [
        e.childId === '' ? '' : await pseudonym('child', e.childId),
        await pseudonym('family', e.familyId),
        birth && e.date ? String(ageInMonths(birth, e.date)) : '',
        e.event,
        e.detail,
        e.value,
      ];
    }),
  );
  rows.sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));
  return csvFile([csvLine(exportColumns), ...rows.map(csvLine)]);
}
