/**
 * The one door every export and every drill-down of the overview goes through: each is a device
 * audit event (db/audit.ts; the user and time are the session's and the server's). A drill-down
 * list names families, so it is an opening per family shown; an export is one event (the
 * indicators hold counts only; the event file is pseudonymised and names no family).
 */
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import type { Period } from '../../../shared/evaluation/period.ts';
import { audit } from '../../db/audit.ts';

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

const exportCodes: Record<string, string> = {
  indicators: auditWhat.evaluationIndicators,
  events: auditWhat.evaluationEvents,
  description: auditWhat.evaluationDescription,
};

export async function onSensitiveAction(event: SensitiveAction): Promise<void> {
  if (event.action === 'export') {
    await audit({ action: 'export', what: exportCodes[event.what] ?? auditWhat.evaluationEvents });
    return;
  }
  await Promise.all(
    (event.familyIds ?? []).map((familyId) => audit({ action: 'open', what: auditWhat.evaluationList, familyId })),
  );
}
