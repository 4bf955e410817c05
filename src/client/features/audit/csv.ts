/**
 * The access extract as a CSV file that Danish Excel opens as it is: UTF-8 with a byte-order mark
 * (else æ, ø and å come out garbled), `;` between fields (Danish Excel's list separator, since the
 * comma is the decimal mark), CRLF line ends, fields quoted when they hold `;`, `"` or a line break.
 * A field that Excel would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe: a user's display name in a log must never execute.
 */
import type { ExtractRow } from './extract-rows.ts';

export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((fields) => fields.map(csvField).join(SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** A time as Excel reads it: local "YYYY-MM-DD HH:MM:SS". */
export function csvTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export type CsvHeaders = Record<
  'at' | 'deviceAt' | 'user' | 'username' | 'action' | 'what' | 'child' | 'device',
  string
>;

export function extractCsv(rows: ExtractRow[], headers: CsvHeaders): string {
  return toCsv(
    [
      headers.at,
      headers.deviceAt,
      headers.user,
      headers.username,
      headers.action,
      headers.what,
      headers.child,
      headers.device,
    ],
    rows.map((r) => [csvTime(r.at), csvTime(r.deviceAt), r.user, r.username, r.action, r.what, r.child, r.device]),
  );
}
