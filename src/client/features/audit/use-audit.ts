/**
 * The pages' side of the device audit log (decision 0055): `useAuditOpen` records each opening of
 * a citizen's data once — once per record a page shows, for as long as the page stays open — and
 * never again for a re-render or a live update of the same data; a record the page starts showing
 * later (a family newly enrolled on a COS-P session) gets its own event. While the page is open,
 * printing it from the browser's menu records a `print` of the same records. `printWithAudit` is
 * the print buttons': it records the print and opens the print dialog.
 */
import { useEffect, useRef } from 'react';
import { type AuditInput, audit } from '../../db/audit.ts';

export type OpenEvent = Omit<AuditInput, 'action'>;

const keyOf = (e: AuditInput) => [e.action, e.what, e.familyId ?? '', e.childId ?? '', e.recordId ?? ''].join('|');

/**
 * When a print button last printed: the browser's beforeprint that follows (at once in Chromium,
 * maybe later elsewhere) is that same print and is not recorded twice.
 */
let buttonPrintAt = Number.NEGATIVE_INFINITY;
const BUTTON_PRINT_MS = 2000;

/**
 * Records an `open` of each event's record once per mount of the page. `events` null means the
 * data is not shown yet (still loading, or not on this device): nothing is recorded.
 */
export function useAuditOpen(events: OpenEvent[] | null): void {
  const recorded = useRef(new Set<string>());
  const key = events === null ? null : events.map((e) => keyOf({ action: 'open', ...e })).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `events` (a new array each render)
  useEffect(() => {
    if (events === null) return;
    for (const event of events) {
      const open: AuditInput = { action: 'open', ...event };
      const k = keyOf(open);
      if (recorded.current.has(k)) continue;
      recorded.current.add(k);
      void audit(open);
    }
  }, [key]);
  useAuditPrint(events);
}

/** While the page is open, a print from the browser's menu (not a print button) records a `print`. */
export function useAuditPrint(events: OpenEvent[] | null): void {
  const shown = useRef<OpenEvent[]>([]);
  useEffect(() => {
    shown.current = events ?? [];
  });
  useEffect(() => {
    const onPrint = () => {
      if (Date.now() - buttonPrintAt < BUTTON_PRINT_MS) return;
      for (const event of shown.current) void audit({ action: 'print', ...event });
    };
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, []);
}

/**
 * A print button: records the print of each record and opens the browser's print dialog at once
 * (in the click, as browsers want; the events are written while the dialog is open).
 */
export function printWithAudit(events: OpenEvent[]): void {
  for (const event of events) void audit({ action: 'print', ...event });
  buttonPrintAt = Date.now();
  window.print();
}

/** An export (a file leaves the app): records it for each record the file holds, and saves it. */
export function exportWithAudit(events: OpenEvent[], save: () => void): void {
  for (const event of events) void audit({ action: 'export', ...event });
  save();
}
