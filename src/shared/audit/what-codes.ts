/**
 * The `what` codes of device audit events: which screen or document showed, printed or exported a
 * citizen's data. The pages write them, the access extract names them (a catalogue text per code);
 * a code is never free text. A page's event covers everything the page shows, its journal too.
 */
export const auditWhat = {
  /** The family page: details, children, caregivers, consents, COS-P history and the family's journal. */
  family: 'family',
  /** The child page: timeline, visit plan, visits and the child's journal. */
  child: 'child',
  /** A visit record with its sections and the visit's journal notes. */
  visit: 'visit',
  /** The A4 visit summary (opened, printed). */
  visitSummary: 'visit-summary',
  /** A COS-P course page: its participants per family. */
  cospCourse: 'cosp-course',
  /** A COS-P session page: attendance and reflections per family. */
  cospSession: 'cosp-session',
  /** A conflict: both versions of a family's record side by side. */
  conflict: 'conflict',
  /** The access extract itself (printed). */
  accessExtract: 'access-extract',
  /** The access extract as a CSV file (exported). */
  accessExtractCsv: 'access-extract-csv',
  /** A change the server rejected, saved as a JSON file from "Kræver handling". */
  rejectedChange: 'rejected-change',
  /** A handover to daycare (signed or added to: the disclosure itself). */
  handover: 'handover',
  /** The handover letter for the recipient (opened, printed). */
  handoverLetter: 'handover-letter',
  /** The overview's list of children and families behind a figure. */
  evaluationList: 'evaluation-list',
  /** The overview's indicators as a CSV file (aggregate counts, no family). */
  evaluationIndicators: 'evaluation-indicators',
  /** The pseudonymised event file for an evaluator. */
  evaluationEvents: 'evaluation-events',
  /** The event file's data description. */
  evaluationDescription: 'evaluation-description',
} as const;

export type AuditWhat = (typeof auditWhat)[keyof typeof auditWhat];
export const auditWhatCodes = Object.values(auditWhat) as AuditWhat[];
