/**
 * The one door every export and every drill-down of the overview goes through.
 *
 * KNOWN GAP (issue 17): the issue wants every export recorded (who, when, what) and shown on the
 * overview, and opening a drill-down list audited. The audit-event record kind does not exist yet
 * (the lead adds it next, with the kind registry). Until then this function records nothing and
 * the overview shows nothing extra: it is NOT an audit log. Wire it to the audit log here; the
 * callers already pass everything an audit event needs (the user is the session's).
 */
import type { Period } from '../../../shared/evaluation/period.ts';

export type SensitiveAction = {
  action: 'export' | 'drilldown';
  /** Which export or which figure: e.g. "indicators-csv", "events-csv", "reach.offered". */
  what: string;
  period: Period;
  /** The nurse the figures were for; undefined for the whole team. */
  nurse?: string;
  /** The families whose names the drill-down showed (or whose data the export held). */
  familyIds?: readonly string[];
};

export async function onSensitiveAction(_event: SensitiveAction): Promise<void> {
  // Audit log not yet available: see the header. Nothing is recorded.
}
